package jp.tsunagari.catalogue;

import java.util.List;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cards of given published programs, in the order given (for search results ranked elsewhere). */
@Service
@Transactional(readOnly = true)
public class ProgramCardLoader {

    private final ProgramFinder finder;

    ProgramCardLoader(ProgramFinder finder) {
        this.finder = finder;
    }

    public List<ProgramCard> of(List<Long> ids) {
        return finder.cardsInOrder(ids);
    }

}
