package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up as its own process. (Draining on SIGTERM is tested on the packaged jar, run as the
 * Dockerfile runs it: DockerEntrypointIT.)
 */
class LifecycleTest {
  @Test
  void badConfigurationStopsStartUpWithOneLineNamingTheKey() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName())
            .redirectErrorStream(true);
    builder.environment().put("PORT", "not-a-port");
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains("PORT").contains("not-a-port");
  }

  @Test
  void anUnknownCommandPrintsUsage() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "migrate-everything")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getInputStream().readAllBytes()))
        .contains("usage: java -jar ai-agent.jar");
  }
}
