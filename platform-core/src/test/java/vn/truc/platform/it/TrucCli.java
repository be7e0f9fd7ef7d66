package vn.truc.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/** The operator's command line, deploy/bin/truc, run against a platform of the test. */
final class TrucCli {

  private TrucCli() {}

  /** As a platform administrator; returns what it prints, after checking it exited 0. */
  static String run(ConfigurableApplicationContext app, String... args) throws Exception {
    return run(TestPlatform.baseUrl(app), TestTokens.platformAdmin(app), args);
  }

  /** With {@code token} as TRUC_TOKEN; returns what it prints, after checking it exited 0. */
  static String run(String baseUrl, String token, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add("../deploy/bin/truc");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("TRUC_URL", baseUrl);
    pb.environment().put("TRUC_TOKEN", token);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("truc %s: %s", List.of(args), out).isZero();
    return out;
  }
}
