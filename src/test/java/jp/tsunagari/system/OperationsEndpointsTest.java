package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Actuator exposes health (anyone), info and Prometheus metrics (this machine only), and nothing else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsEndpointsTest {

    static final RequestPostProcessor REMOTE = request -> {
        request.setRemoteAddr("203.0.113.7");
        return request;
    };

    @Autowired
    MockMvc mvc;

    @Test
    void healthWithLivenessAndReadinessIsPublicWithoutDetails() throws Exception {
        String health = mvc.perform(get("/actuator/health").with(REMOTE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(health).contains("\"status\":\"UP\"").contains("liveness").contains("readiness")
                .doesNotContain("db").doesNotContain("diskSpace");
        mvc.perform(get("/actuator/health/readiness").with(REMOTE)).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness").with(REMOTE)).andExpect(status().isOk());
    }

    @Test
    void metricsAndInfoAnswerOnlyThisMachine() throws Exception {
        mvc.perform(get("/api/v1/programs?pref=02")).andExpect(status().isOk());
        String metrics = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(metrics).contains("http_server_requests_seconds_bucket").contains("hikaricp_connections")
                .contains("catalogue_search_index_age_seconds").contains("catalogue_search_index_programs");
        String info = mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(info).contains("\"version\"").contains("tsunagari-catalogue");
        mvc.perform(get("/actuator/prometheus").with(REMOTE)).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").with(REMOTE)).andExpect(status().isForbidden());
    }

    @Test
    void nothingElseIsExposed() throws Exception {
        for (String endpoint : new String[] {"env", "beans", "configprops", "heapdump", "threaddump", "loggers",
                "mappings", "metrics", "shutdown"}) {
            int code = mvc.perform(get("/actuator/" + endpoint)).andReturn().getResponse().getStatus();
            assertThat(code).as(endpoint).isEqualTo(404);
        }
    }
}
