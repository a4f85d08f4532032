package com.aiagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * monitoring/ holds what `gcloud alpha monitoring policies create --policy-from-file` and `gcloud
 * monitoring dashboards create --config-from-file` take: the guide's 5xx-over-5% alert, a p99
 * latency alert and a dashboard of the guide's four metrics, all on the deployed service, and both
 * guides say how to apply them.
 */
class MonitoringFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "resource.type = \"cloud_run_revision\"";
  private static final String REQUEST_COUNT = "metric.type = \"run.googleapis.com/request_count\"";
  private static final String LATENCIES = "metric.type = \"run.googleapis.com/request_latencies\"";
  private static final String FIVE_XX = "metric.labels.response_code_class = \"5xx\"";
  private static final double P99_THRESHOLD_MS = 15_000;

  private static JsonNode json(String file) throws IOException {
    return JSON.readTree(Path.of("monitoring", file).toFile());
  }

  /** The production service, as cloudbuild.yaml deploys it. */
  private static String serviceFilter() throws IOException {
    String service =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("cloudbuild.yaml").toFile())
            .at("/substitutions/_SERVICE")
            .asText();
    assertThat(service).isEqualTo("ai-agent-api");
    return "resource.labels.service_name = \"" + service + "\"";
  }

  private static JsonNode onlyCondition(JsonNode policy) {
    assertThat(policy.get("displayName").asText()).isNotBlank();
    assertThat(policy.get("combiner").asText()).isEqualTo("OR");
    assertThat(policy.get("documentation").get("content").asText()).isNotBlank();
    assertThat(policy.get("conditions")).hasSize(1);
    return policy.get("conditions").get(0).get("conditionThreshold");
  }

  @Test
  void errorRateAlertFiresAbove5PercentOf5xx() throws IOException {
    JsonNode condition = onlyCondition(json("alert-5xx-ratio.json"));
    String service = serviceFilter();

    assertThat(condition.get("filter").asText())
        .contains(RESOURCE, service, REQUEST_COUNT, FIVE_XX);
    // The ratio: 5xx over every request of the same service, aggregated the same way.
    assertThat(condition.get("denominatorFilter").asText())
        .contains(RESOURCE, service, REQUEST_COUNT)
        .doesNotContain("response_code_class");
    assertThat(condition.get("aggregations")).isEqualTo(condition.get("denominatorAggregations"));
    JsonNode aggregation = condition.get("aggregations").get(0);
    assertThat(aggregation.get("perSeriesAligner").asText()).isEqualTo("ALIGN_RATE");
    assertThat(aggregation.get("crossSeriesReducer").asText()).isEqualTo("REDUCE_SUM");
    assertThat(aggregation.get("groupByFields").get(0).asText())
        .isEqualTo("resource.label.service_name");

    assertThat(condition.get("comparison").asText()).isEqualTo("COMPARISON_GT");
    assertThat(condition.get("thresholdValue").asDouble()).isEqualTo(0.05);
    assertThat(condition.get("duration").asText()).matches("\\d+s");
  }

  @Test
  void latencyAlertFiresOnP99Over15Seconds() throws IOException {
    JsonNode condition = onlyCondition(json("alert-latency-p99.json"));

    assertThat(condition.get("filter").asText()).contains(RESOURCE, serviceFilter(), LATENCIES);
    JsonNode aggregation = condition.get("aggregations").get(0);
    // Distributions are summed per period, then the percentile is taken over all revisions.
    assertThat(aggregation.get("perSeriesAligner").asText()).isEqualTo("ALIGN_DELTA");
    assertThat(aggregation.get("crossSeriesReducer").asText()).isEqualTo("REDUCE_PERCENTILE_99");
    assertThat(condition.get("comparison").asText()).isEqualTo("COMPARISON_GT");
    assertThat(condition.get("thresholdValue").asDouble()).isEqualTo(P99_THRESHOLD_MS);
  }

  @Test
  void dashboardChartsTheGuidesFourMetricsOfTheService() throws IOException {
    JsonNode dashboard = json("dashboard.json");
    assertThat(dashboard.get("displayName").asText()).isNotBlank();
    JsonNode layout = dashboard.get("mosaicLayout");
    int columns = layout.get("columns").asInt();

    List<String> filters = new ArrayList<>();
    Set<String> cells = new TreeSet<>();
    for (JsonNode tile : layout.get("tiles")) {
      int x = tile.get("xPos").asInt();
      int y = tile.get("yPos").asInt();
      int width = tile.get("width").asInt();
      int height = tile.get("height").asInt();
      assertThat(x + width).as("tile inside the grid").isLessThanOrEqualTo(columns);
      for (int i = x; i < x + width; i++) {
        for (int j = y; j < y + height; j++) {
          assertThat(cells.add(i + "," + j)).as("tiles do not overlap").isTrue();
        }
      }
      JsonNode chart = tile.get("widget").get("xyChart");
      assertThat(tile.get("widget").get("title").asText()).isNotBlank();
      for (JsonNode dataSet : chart.get("dataSets")) {
        filters.add(dataSet.at("/timeSeriesQuery/timeSeriesFilter/filter").asText());
      }
    }
    String service = serviceFilter();
    assertThat(filters).isNotEmpty().allSatisfy(f -> assertThat(f).contains(RESOURCE, service));
    assertThat(String.join("\n", filters))
        .contains(
            REQUEST_COUNT,
            LATENCIES,
            "run.googleapis.com/container/instance_count",
            "run.googleapis.com/container/cpu/utilizations",
            "run.googleapis.com/container/memory/utilizations");

    // The latency chart draws the alert's line.
    List<Double> lines =
        StreamSupport.stream(layout.get("tiles").spliterator(), false)
            .flatMap(
                tile -> {
                  JsonNode thresholds = tile.at("/widget/xyChart/thresholds");
                  return thresholds.isMissingNode()
                      ? Stream.empty()
                      : StreamSupport.stream(thresholds.spliterator(), false);
                })
            .map(threshold -> threshold.get("value").asDouble())
            .toList();
    assertThat(lines).containsExactly(P99_THRESHOLD_MS);
  }

  @Test
  void bothGuidesTellHowToApplyEveryFile() throws IOException {
    List<String> files;
    try (Stream<Path> listed = Files.list(Path.of("monitoring"))) {
      files = listed.map(path -> path.getFileName().toString()).sorted().toList();
    }
    assertThat(files)
        .containsExactly("alert-5xx-ratio.json", "alert-latency-p99.json", "dashboard.json");
    for (String guide : List.of("docs/DEPLOY.md", "docs/DEPLOY.ko.md")) {
      String text = Files.readString(Path.of(guide));
      assertThat(text)
          .as(guide)
          .contains(
              "gcloud alpha monitoring policies create --policy-from-file=monitoring/alert-5xx-ratio.json",
              "gcloud alpha monitoring policies create --policy-from-file=monitoring/alert-latency-p99.json",
              "gcloud monitoring dashboards create --config-from-file=monitoring/dashboard.json");
    }
  }
}
