package jp.tsunagari.admin;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramValueReader;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.system.FormErrors;
import org.springframework.stereotype.Component;

/**
 * One program of an import file, as a {@link ProgramForm}: validated by the same {@link Validator} and constraints
 * as the edit form (each violation a problem on the line, in the column or field the form field comes from), then
 * compared with what the catalogue holds.
 */
@Component
class ImportCheck {

    private final Validator validator;
    private final ProgramFormMapper mapper;
    private final ProgramEditor editor;
    private final ProgramValueReader data;

    ImportCheck(Validator validator, ProgramFormMapper mapper, ProgramEditor editor, ProgramValueReader data) {
        this.validator = validator;
        this.mapper = mapper;
        this.editor = editor;
        this.data = data;
    }

    Validator validator() {
        return validator;
    }

    ProgramFormMapper mapper() {
        return mapper;
    }

    /** New, update, unchanged, or an error row with every problem found (added to {@code problems}). */
    ImportPlan.Row decide(int line, Long id, ProgramForm form, boolean publish, List<ImportPlan.Problem> problems,
                          UnaryOperator<String> columnOf) {
        FormErrors errors = FormErrors.of(ProgramForm.class, validator.validate(form));
        for (FormErrors.Error e : errors.list()) {
            problems.add(new ImportPlan.Problem(line, columnOf.apply(e.field()), e.key(), e.args()));
        }
        ProgramContent clean = errors.isEmpty() ? mapper.toContent(form) : null;
        if (clean != null && clean.sourceDocumentId() != null && !data.sources().containsKey(clean.sourceDocumentId())) {
            problems.add(new ImportPlan.Problem(line, columnOf.apply("sourceDocument"), "admin.error.choose",
                    new Object[0]));
        }
        if (!problems.isEmpty()) {
            return ImportPlan.error(line, id, form.name == null ? "" : form.name, problems);
        }
        Optional<ProgramEditor.Editable> current = id == null ? Optional.empty() : editor.editable(id);
        if (current.isEmpty()) {
            return new ImportPlan.Row(line, id, clean.name(), ImportPlan.Kind.NEW, clean, publish, List.of());
        }
        boolean sameStatus = publish == (current.get().status() == PublicationStatus.PUBLISHED);
        boolean unchanged = clean.equals(current.get().content()) && !current.get().hasPendingDraft()
                && (sameStatus || !publish);
        return new ImportPlan.Row(line, id, clean.name(), unchanged ? ImportPlan.Kind.UNCHANGED : ImportPlan.Kind.UPDATE,
                clean, publish, List.of());
    }
}
