package jp.tsunagari.catalogue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cards of given published programs, in the order given (for search results ranked elsewhere). */
@Service
@Transactional(readOnly = true)
public class ProgramCards {

    private final ProgramFinder finder;

    ProgramCards(ProgramFinder finder) {
        this.finder = finder;
    }

    public List<ProgramCard> of(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProgramCard> byId = finder.cardsByIds(ids).stream()
                .collect(Collectors.toMap(ProgramCard::id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

}
