package vn.truc.platform.it;

class EmbeddedAuthorizationMatrixIT extends AuthorizationMatrixContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("authz");
  }
}
