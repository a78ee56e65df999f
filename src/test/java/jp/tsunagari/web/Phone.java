package jp.tsunagari.web;

import java.util.List;

/** Checks that need a phone-sized viewport: no horizontal scrolling, tap targets of at least 24×24 CSS px. */
public final class Phone {

    public static final int MIN_TARGET = 24;

    private Phone() {
    }

    public static boolean scrollsHorizontally() {
        Object wider = Browser.driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /**
     * Interactive elements smaller than 24×24 CSS px (WCAG 2.2 SC 2.5.8), except links inside a sentence
     * (the success criterion's inline exception), elements that are not rendered, and hidden, unfocusable
     * helpers (aria-hidden with tabindex -1, such as a form's default submit button).
     */
    @SuppressWarnings("unchecked")
    public static List<String> smallTargets() {
        return (List<String>) Browser.driver().executeScript("""
                const min = arguments[0];
                const small = [];
                document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary').forEach(el => {
                  const r = el.getBoundingClientRect();
                  const style = getComputedStyle(el);
                  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || r.right < 0) return;
                  if (el.closest('[aria-hidden=true]') && el.getAttribute('tabindex') === '-1') return;
                  const inSentence = el.tagName === 'A' && style.display === 'inline'
                      && Array.from(el.parentElement.childNodes).some(n => n !== el && n.nodeType === 3 && n.textContent.trim());
                  if (inSentence) return;
                  if (r.width < min || r.height < min) {
                    small.push(el.outerHTML.slice(0, 100) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                  }
                });
                return small;
                """, MIN_TARGET);
    }
}
