package vn.truc.platform.it;

/** The crash contract on the embedded engines, which live in the test JVM and survive the kill. */
class EmbeddedPlatformCrashIT extends PlatformCrashContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("crash");
  }
}
