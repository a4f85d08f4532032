package com.aiagent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {
  @Test
  void anUnknownLevelOrFormatIsNamedInsteadOfIgnored() {
    assertThat(LogFormat.problem(Map.of("LOG_LEVEL", "LOUD")))
        .hasValueSatisfying(p -> assertThat(p).startsWith("LOG_LEVEL:").contains("'LOUD'"));
    assertThat(LogFormat.problem(Map.of("LOG_FORMAT", "xml")))
        .hasValueSatisfying(p -> assertThat(p).startsWith("LOG_FORMAT:").contains("'xml'"));
  }

  @Test
  void knownValuesInAnyCaseAndUnsetOnesAreFine() {
    assertThat(LogFormat.problem(Map.of())).isEmpty();
    assertThat(LogFormat.problem(Map.of("LOG_LEVEL", "debug", "LOG_FORMAT", "JSON"))).isEmpty();
    assertThat(LogFormat.json(Map.of("LOG_FORMAT", "JSON"))).isTrue();
    assertThat(LogFormat.json(Map.of("APP_ENV", "staging"))).isTrue();
    assertThat(LogFormat.json(Map.of("APP_ENV", "staging", "LOG_FORMAT", "plain"))).isFalse();
  }
}
