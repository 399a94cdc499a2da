package io.eventgate.web.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemReportValveTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void rendersAnRfc9457ProblemForAnyErrorStatus() {
        JsonNode problem = JSON.readTree(ProblemReportValve.problem(400));

        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).contains("malformed");
        assertThat(JSON.readTree(ProblemReportValve.problem(505)).path("title").asString())
                .isEqualTo("HTTP Version not supported");
        assertThat(JSON.readTree(ProblemReportValve.problem(599)).path("title").asString()).isEqualTo("Error");
    }
}
