package jp.tsunagari.catalogue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Categories extends JpaRepository<CategoryEntity, String> {

    List<CategoryEntity> findAllByOrderByNumber();
}
