package jp.tsunagari.search;

import jp.tsunagari.system.ChangeMarker;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the index is written: at readiness, after a change this instance committed, and every
 * {@code catalogue.search.refresh-ms} (a change by another instance, a new day, the files checked, a recovery due). A
 * failure here is never thrown at a save's request or the scheduler: it goes to {@link IndexRecovery}, which keeps the
 * last good snapshot serving and has the whole index rebuilt from the database when its next try is due. While the
 * index is degraded, a save's change waits for that rebuild (one rebuild reads it, whatever the number of saves).
 */
@Component
class IndexUpkeep {

    private final ProgramIndex index;
    private final IndexRecovery recovery;

    IndexUpkeep(ProgramIndex index) {
        this.index = index;
        this.recovery = index.recovery();
    }

    /**
     * Readiness waits for the index caught up with the marker (opened early, on its own thread). An index that cannot
     * be written (a full disk) does not stop the start-up: health says OUT_OF_SERVICE until a retry works.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            index.refresh(false);
        } catch (RuntimeException | InternalError e) { // also SIGTERM during the start-up's build: nothing to record
            failed("opening", e);
        }
    }

    /** After a save: it is committed, whatever happens here. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onLocalChange(ChangeMarker.CatalogueChanged changed) {
        if (!index.stopping() && recovery.trouble() == null) {
            try {
                index.refresh(false);
            } catch (RuntimeException | InternalError e) {
                if (IndexRecovery.fromDatabase(e)) {
                    recovery.databaseFailed("update after a save", e); // the scheduled refresh catches up
                } else {
                    failed("update after a save", e);
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${catalogue.search.refresh-ms:2000}", initialDelayString = "${catalogue.search.refresh-ms:2000}")
    void refreshIfChanged() {
        if (index.stopping()) {
            return;
        }
        boolean recovering = false;
        try {
            index.filesChanged();
            if (recovery.trouble() != null) {
                if (recovery.due()) {
                    recovering = true;
                    recovery.recovered(index.hasSnapshot() ? index.rebuild() : index.refresh(false));
                }
            } else if (index.behind()) {
                index.refresh(true);
            }
            recovery.databaseAnswers();
        } catch (RuntimeException | InternalError e) {
            if (!recovering && IndexRecovery.fromDatabase(e)) {
                recovery.databaseFailed("refresh", e);
            } else {
                failed(recovering ? "rebuild" : "refresh", e);
            }
        }
    }

    /** A search failed on the index's files ({@code InternalError}, a corrupt file): searches refused until rebuilt. */
    void unreadable(Throwable e) {
        if (!index.stopping()) {
            recovery.failed("read", e, true);
        }
    }

    /** Without any snapshot, searches are refused until a try works (as with damaged files). */
    private void failed(String what, Throwable e) {
        if (!index.stopping()) {
            recovery.failed(what, e, !index.hasSnapshot());
        }
    }
}
