package vn.truc.platform.it;

/** The sink contract on the embedded PostgreSQL and MariaDB. */
class EmbeddedJdbcUpsertSinkIT extends JdbcUpsertSinkContract {

  @Override
  protected TestEngines createEngines() throws Exception {
    return new EmbeddedTestEngines("sink");
  }
}
