package jp.tsunagari.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.system.Localized;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which organizations maintain a program: its organizing government — the municipality if there is one, else the
 * prefecture — and, for a type of initiative with example groups (ネオ県人会), each example's prefecture. A program
 * with none of these is maintained by the catalogue office alone. Organizations are named by their 6-digit
 * 全国地方公共団体コード (a prefecture's own code, e.g. 030007 for 岩手県).
 */
@Service
@Transactional(readOnly = true)
public class Maintainers {

    private final ProgramEditor editor;
    private final Places places;

    Maintainers(ProgramEditor editor, Places places) {
        this.editor = editor;
        this.places = places;
    }

    /** The organizations that maintain a program with this content. */
    public Set<String> of(ProgramContent c) {
        return of(c.organizerMunicipalityCode(), c.organizerPrefectureCode(),
                c.examples().stream().map(ProgramContent.Example::prefectureCode).toList());
    }

    /** The same rule on a program's codes: organizer municipality, organizer prefecture, example prefectures. */
    public Set<String> of(String municipalityCode, String prefectureCode, List<String> examplePrefectureCodes) {
        Set<String> codes = new LinkedHashSet<>();
        if (municipalityCode != null) {
            codes.add(municipalityCode);
        } else if (prefectureCode != null) {
            prefectureCode(prefectureCode).ifPresent(codes::add);
        }
        examplePrefectureCodes.forEach(p -> prefectureCode(p).ifPresent(codes::add));
        return codes;
    }

    /**
     * The organizations that maintain program {@code id} as it is now (its published or saved content, not a pending
     * draft: a draft cannot hand a program to another organization before review); empty if there is no such program.
     */
    public Set<String> ofProgram(long id) {
        return editor.saved(id).map(this::of).orElse(Set.of());
    }

    /** An organization's name: a prefecture or municipality by code, or empty if the code names neither. */
    public Optional<Localized> name(String organizationCode) {
        return organizationCode == null ? Optional.empty()
                : Optional.ofNullable(places.organizationNames(Set.of(organizationCode)).get(organizationCode));
    }

    /** The names of organizations, in the order given (one look-up for all); unknown codes are left out. */
    public List<Localized> names(Set<String> organizationCodes) {
        Map<String, Localized> names = places.organizationNames(organizationCodes);
        return organizationCodes.stream().map(names::get).filter(java.util.Objects::nonNull).toList();
    }

    private Optional<String> prefectureCode(String twoDigits) {
        return twoDigits == null ? Optional.empty() : places.prefecture(twoDigits).map(Prefecture::lgCode);
    }
}
