package jp.tsunagari.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The search index in the metrics: its age (seconds since it was built; it is rebuilt whenever the catalogue's change
 * marker moves, so a large age only means nothing changed), the number of programs in it and the last build time.
 */
@Component
class IndexMetrics implements MeterBinder {

    private final ProgramIndex index;

    IndexMetrics(ProgramIndex index) {
        this.index = index;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("catalogue.search.index.age", index, i -> {
            IndexSnapshot s = i.current();
            return s == null ? Double.NaN : Duration.between(s.builtAt(), Instant.now()).toMillis() / 1000.0;
        }).baseUnit("seconds").description("Time since the search index was built").register(registry);
        Gauge.builder("catalogue.search.index.programs", index, i -> {
            IndexSnapshot s = i.current();
            return s == null ? Double.NaN : s.documents();
        }).description("Published programs in the search index").register(registry);
        Gauge.builder("catalogue.search.index.build", index, i -> {
            IndexSnapshot s = i.current();
            return s == null ? Double.NaN : s.buildTime().toMillis() / 1000.0;
        }).baseUnit("seconds").description("Duration of the last index build").register(registry);
        Gauge.builder("catalogue.search.index.full-builds", index, ProgramIndex::builds)
                .description("Times this instance read the whole catalogue into a new index (0 after a start that"
                        + " caught up the index kept on disk)").register(registry);
    }
}
