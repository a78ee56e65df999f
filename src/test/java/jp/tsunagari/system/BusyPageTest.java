package jp.tsunagari.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The page a request gets when it waited too long for a turn (system.internal.ConcurrencyLimitFilter). */
@SpringBootTest
@AutoConfigureMockMvc
class BusyPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theBusyPageSaysToTryAgainInJapaneseAndEnglish() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/programs"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("<h1>混み合っています</h1>")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/error").cookie(new Cookie("catalogue-lang", "en")).accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/programs"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("<h1>The service is busy</h1>")));
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/programs"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("混み合っています")));
    }
}
