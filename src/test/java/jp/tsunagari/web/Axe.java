package jp.tsunagari.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (installed from the npm registry into target/axe by the browser profile, never from a CDN) in the
 * page open in the browser, limited to the WCAG 2.0/2.1 A and AA rules, and reports violations of impact
 * serious or critical as "page — rule (impact): selector — help".
 */
public final class Axe {

    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    private static String script;

    private Axe() {
    }

    private static synchronized String script() {
        if (script == null) {
            Path path = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
            try {
                script = Files.readString(path);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core not found at " + path + " (run with -Pbrowser)", e);
            }
        }
        return script;
    }

    /** The serious and critical WCAG A/AA violations of the current page. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(String page) {
        JavascriptExecutor js = Browser.driver();
        js.executeScript(script());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            if (FAILING_IMPACTS.contains(v.get("impact"))) {
                failures.add(page + " — " + v.get("id") + " (" + v.get("impact") + "): " + v.get("targets") + " — " + v.get("help"));
            }
        }
        return failures;
    }
}
