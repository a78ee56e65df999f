package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramReview;
import jp.tsunagari.catalogue.ReviewEvent;
import jp.tsunagari.web.HtmlChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review through the real pages: 盛岡市 changes もりおかエール便 (7) and submits it; the office returns it with a
 * comment, 盛岡市 fixes and resubmits, another reviewer approves; only then does the public page change.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@RecordApplicationEvents
class ReviewWorkflowTest {

    static final RequestPostProcessor MORIOKA = OrganizationAccessTest.MORIOKA;
    static final RequestPostProcessor REVIEWER = user("reviewer1").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    @Autowired
    ProgramReview review;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    void saveDraft(RequestPostProcessor who, String name) throws Exception {
        Map<String, String> form = ProgramAdminTest.formOf(mvc, editor.editable(7).orElseThrow());
        form.put("name", name);
        MockHttpServletRequestBuilder save = post("/admin/programs/7").with(who).with(csrf()).param("action", "draft");
        form.forEach(save::param);
        mvc.perform(save).andExpect(status().is3xxRedirection());
    }

    void submit(RequestPostProcessor who, String comment) throws Exception {
        mvc.perform(post("/admin/programs/7/submit").with(who).with(csrf()).param("comment", comment))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void submittedReturnedFixedAndApprovedByAnotherPerson() throws Exception {
        saveDraft(MORIOKA, "もりおかエール便（令和8年度）");
        submit(MORIOKA, "年度を更新しました");
        assertThat(review.status(7).orElseThrow().state()).isEqualTo(ProgramReview.State.SUBMITTED);
        assertThat(page(get("/programs/7"))).doesNotContain("令和8年度");
        assertThat(page(get("/admin").with(MORIOKA))).contains("審査待ち 1件 / 差し戻し 0件");

        String queue = page(get("/admin/reviews").with(REVIEWER));
        assertThat(queue).contains("/admin/reviews/7\"").contains("盛岡市 (032018)").contains("org-032018");
        assertThat(HtmlChecker.errors(queue)).isEmpty();
        assertThat(page(get("/admin/reviews?pref=02").with(REVIEWER))).doesNotContain("もりおかエール便");
        String reviewPage = page(get("/admin/reviews/7").with(REVIEWER));
        assertThat(reviewPage).contains("公開中の内容との違い").contains("もりおかエール便（令和8年度）")
                .contains("年度を更新しました").contains("承認して公開する");
        assertThat(HtmlChecker.errors(reviewPage)).isEmpty();

        String noComment = mvc.perform(post("/admin/reviews/7/return").with(REVIEWER).with(csrf()).param("comment", " "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noComment).contains("コメントを入力してください").contains("href=\"#comment\"");
        mvc.perform(post("/admin/reviews/7/return").with(REVIEWER).with(csrf())
                .param("comment", "対象年齢の記載も確認してください")).andExpect(status().is3xxRedirection());
        assertThat(review.status(7).orElseThrow().state()).isEqualTo(ProgramReview.State.RETURNED);
        String edit = page(get("/admin/programs/7/edit").with(MORIOKA));
        assertThat(edit).contains("差し戻し").contains("対象年齢の記載も確認してください").contains("審査を依頼する");
        assertThat(page(get("/admin").with(MORIOKA))).contains("審査待ち 0件 / 差し戻し 1件");

        saveDraft(MORIOKA, "もりおかエール便（令和8年度・確認済み）");
        assertThat(review.status(7).orElseThrow().state()).as("a returned program stays returned while being fixed")
                .isEqualTo(ProgramReview.State.RETURNED);
        submit(MORIOKA, "直しました");
        long version = editor.editable(7).orElseThrow().version();
        mvc.perform(post("/admin/reviews/7/approve").with(REVIEWER).with(csrf()).param("version", Long.toString(version))
                .param("comment", "")).andExpect(status().is3xxRedirection());
        assertThat(review.status(7)).isEmpty();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(jdbc.queryForObject("select confirmed_on from program where id = 7", LocalDate.class)).isEqualTo(today);
        assertThat(page(get("/programs/7"))).contains("もりおかエール便（令和8年度・確認済み）")
                .containsPattern("<dt>情報の管理</dt>\\s*<dd><span>盛岡市</span></dd>")
                .contains("<dt>最終確認日</dt>").contains("datetime=\"" + today + "\"");
        assertThat(page(get("/programs/7").header("Accept-Language", "en").param("lang", "en")))
                .contains("Last confirmed").contains("Maintained by");
        assertThat(page(get("/api/v1/programs/7"))).contains("\"confirmedOn\":\"" + today + "\"");
        assertThat(page(get("/programs.csv"))).contains("最終確認日").contains(today.toString());
        assertThat(review.comments(7)).extracting(ProgramReview.Comment::action).containsExactly(
                ProgramReview.Action.SUBMIT, ProgramReview.Action.RETURN, ProgramReview.Action.SUBMIT,
                ProgramReview.Action.APPROVE);
        assertThat(page(get("/admin/programs/7/history").with(MORIOKA))).contains("審査と確認の記録")
                .contains("直しました");
        assertThat(events.stream(ReviewEvent.class).map(ReviewEvent::action)).containsExactly(
                ProgramReview.Action.SUBMIT, ProgramReview.Action.RETURN, ProgramReview.Action.SUBMIT,
                ProgramReview.Action.APPROVE);
    }

    @Test
    void nobodyApprovesTheirOwnSubmission() throws Exception {
        saveDraft(REVIEWER, "もりおかエール便（事務局の修正）");
        submit(REVIEWER, "");
        long version = editor.editable(7).orElseThrow().version();
        String refused = mvc.perform(post("/admin/reviews/7/approve").with(REVIEWER).with(csrf())
                        .param("version", Long.toString(version)).param("comment", "自分で承認"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("自分が依頼した審査は承認できません").contains("自分で承認");
        assertThat(review.status(7).orElseThrow().state()).isEqualTo(ProgramReview.State.SUBMITTED);
        mvc.perform(post("/admin/reviews/7/approve").with(user("reviewer2").roles("EDITOR")).with(csrf())
                .param("version", Long.toString(version))).andExpect(status().is3xxRedirection());
        assertThat(page(get("/programs/7"))).contains("事務局の修正");
        // decided already: no form to come back to, so the review page says so
        var late = mvc.perform(post("/admin/reviews/7/return").with(user("reviewer3").roles("EDITOR")).with(csrf())
                .param("comment", "遅れて差し戻し")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(late.getResponse().getRedirectedUrl()).isEqualTo("/admin/reviews/7");
        assertThat(late.getFlashMap().get("message").toString()).contains("審査待ちではありません");
    }

    @Test
    void savingWhileWaitingWithdrawsTheSubmissionAndNothingUnchangedCanBeSubmitted() throws Exception {
        String flash = mvc.perform(post("/admin/programs/7/submit").with(MORIOKA).with(csrf()).param("comment", "x"))
                .andReturn().getFlashMap().get("message").toString();
        assertThat(flash).contains("変更がないため");
        assertThat(review.status(7)).isEmpty();
        saveDraft(MORIOKA, "もりおかエール便（変更1）");
        submit(MORIOKA, "");
        saveDraft(MORIOKA, "もりおかエール便（変更2）");
        assertThat(review.status(7)).isEmpty();
        assertThat(review.comments(7)).extracting(ProgramReview.Comment::action)
                .containsExactly(ProgramReview.Action.SUBMIT, ProgramReview.Action.WITHDRAW);
    }

    @Test
    void anotherOrganizationCannotSubmitOrSeeTheReview() throws Exception {
        saveDraft(REVIEWER, "ふるさと南部ではない変更");
        mvc.perform(post("/admin/programs/5/submit").with(MORIOKA).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/reviews/7").with(MORIOKA)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/reviews/7/approve").with(MORIOKA).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/reviews/7/return").with(MORIOKA).with(csrf())).andExpect(status().isForbidden());
    }
}
