package vn.truc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

  @Test
  void parsesWhatTheCliPasses() {
    TokenCommand.Request r =
        TokenCommand.parse(
            new String[] {
              "--data-dir",
              "./data",
              "--agency",
              "p37",
              "--role",
              "agency-admin,approver",
              "--sub",
              "ninh-binh-it",
              "--ttl",
              "30m"
            },
            "ignored");
    assertThat(r.keyFile()).isEqualTo(Path.of("./data/security/local-issuer-key.pem"));
    assertThat(r.agency()).isEqualTo("P37");
    assertThat(r.roles()).containsExactlyInAnyOrder(Role.AGENCY_ADMIN, Role.APPROVER);
    assertThat(r.subject()).isEqualTo("ninh-binh-it");
    assertThat(r.ttl()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void defaultsToTheUserAndAnHourAndALaterDataDirWins() {
    TokenCommand.Request r =
        TokenCommand.parse(
            new String[] {"--data-dir", "./data", "--role", "auditor", "--data-dir", "/srv/truc"},
            "lan");
    assertThat(r.subject()).isEqualTo("lan");
    assertThat(r.ttl()).isEqualTo(Duration.ofHours(1));
    assertThat(r.agency()).isNull();
    assertThat(r.keyFile()).isEqualTo(Path.of("/srv/truc/security/local-issuer-key.pem"));
    assertThat(
            TokenCommand.parse(new String[] {"--role", "auditor", "--key", "/k.pem"}, null)
                .keyFile())
        .isEqualTo(Path.of("/k.pem"));
  }

  @Test
  void readsDurationsShortAndIso() {
    assertThat(TokenCommand.ttl("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(TokenCommand.ttl("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(TokenCommand.ttl("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> TokenCommand.ttl("forever")).hasMessageContaining("90s, 30m");
    assertThatThrownBy(() -> TokenCommand.ttl("31d")).hasMessageContaining("at most 30 days");
    assertThatThrownBy(() -> TokenCommand.ttl("0s")).hasMessageContaining("more than 0");
  }

  @Test
  void refusesWhatWouldMakeAUselessToken() {
    assertThatThrownBy(() -> TokenCommand.parse(new String[] {"--agency", "P37"}, "u"))
        .hasMessageContaining("--role");
    assertThatThrownBy(() -> TokenCommand.parse(new String[] {"--role", "agency-admin"}, "u"))
        .hasMessageContaining("--agency");
    assertThatThrownBy(() -> TokenCommand.parse(new String[] {"--role", "root"}, "u"))
        .hasMessageContaining("unknown role 'root'");
    assertThatThrownBy(
            () -> TokenCommand.parse(new String[] {"--role", "auditor", "--agency", "P 37"}, "u"))
        .hasMessageContaining("not an agency code");
    assertThatThrownBy(() -> TokenCommand.parse(new String[] {"--role"}, "u"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> TokenCommand.parse(new String[] {"--colour", "blue"}, "u"))
        .hasMessageContaining("unknown option --colour");
  }
}
