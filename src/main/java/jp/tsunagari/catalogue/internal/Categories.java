package jp.tsunagari.catalogue.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Categories extends JpaRepository<CategoryEntity, String> {

    List<CategoryEntity> findAllByOrderByNumber();
}
