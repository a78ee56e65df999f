/**
 * Programs and categories. Its face: read services returning values ({@link jp.tsunagari.catalogue.ProgramValueReader},
 * {@link jp.tsunagari.catalogue.ProgramCardLoader}, {@link jp.tsunagari.catalogue.SearchSources},
 * {@link jp.tsunagari.catalogue.StaffProgramList}), the editing services ({@link jp.tsunagari.catalogue.ProgramEditor},
 * {@link jp.tsunagari.catalogue.CategoryEditor}) and value types ({@link jp.tsunagari.catalogue.ProgramContent},
 * {@link jp.tsunagari.catalogue.Category}, {@link jp.tsunagari.catalogue.ProgramCard}, …). The JPA entities, repositories
 * and page helpers are in {@code catalogue.internal}, which no other module may use.
 */
@ApplicationModule(allowedDependencies = {"eligibility", "place", "system"})
package jp.tsunagari.catalogue;

import org.springframework.modulith.ApplicationModule;
