package vn.truc.platform.it;

class EmbeddedFileDropFlowIT extends FileDropFlowContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("file-drop");
  }
}
