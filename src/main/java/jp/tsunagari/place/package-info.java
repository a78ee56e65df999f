/**
 * Regions, prefectures and municipalities (reference data with 全国地方公共団体コード). Its face is
 * {@link jp.tsunagari.place.Places} and the read-only place values it hands out ({@link jp.tsunagari.place.Region},
 * {@link jp.tsunagari.place.Prefecture}, {@link jp.tsunagari.place.Municipality}: JPA-mapped because catalogue programs
 * refer to them, but nothing outside this package can change them), {@link jp.tsunagari.place.LgCode} and its
 * check-digit constraint. The repositories are package-private.
 */
@ApplicationModule(allowedDependencies = "system")
package jp.tsunagari.place;

import org.springframework.modulith.ApplicationModule;
