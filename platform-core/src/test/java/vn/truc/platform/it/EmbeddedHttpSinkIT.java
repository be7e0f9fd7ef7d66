package vn.truc.platform.it;

/** The HTTP sink contract on the embedded engines. */
class EmbeddedHttpSinkIT extends HttpSinkContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("http-sink");
  }
}
