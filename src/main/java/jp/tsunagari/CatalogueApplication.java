package jp.tsunagari;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * つながり施策カタログ. Each direct sub-package is a module (verified by {@code ModularityTest}):
 * {@code place} (regions, prefectures, municipalities), {@code eligibility} (対象 as target groups and criteria),
 * {@code catalogue} (programs, categories and the public pages) and {@code system} (layout, errors, languages).
 */
@SpringBootApplication
public class CatalogueApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogueApplication.class, args);
    }
}
