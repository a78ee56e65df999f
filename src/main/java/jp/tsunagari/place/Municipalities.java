package jp.tsunagari.place;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Municipalities extends JpaRepository<Municipality, String> {

    @Query("select count(m) from Municipality m where m.type <> '" + Municipality.WARD_TYPE + "' and m.northernTerritories = false")
    long countOfficial();

    List<Municipality> findByNameJa(String nameJa);

    @Query("select m.lgCode, m.parent.lgCode from Municipality m where m.parent is not null")
    List<Object[]> wardParents();

    @Query("select m from Municipality m join fetch m.prefecture p where m.lgCode like :prefix or m.nameJa like :text"
            + " or m.nameKana like :text or lower(m.nameEn) like :lower or p.nameJa like :text order by m.lgCode")
    List<Municipality> search(String prefix, String text, String lower, org.springframework.data.domain.Pageable page);

    @Query("select m from Municipality m join fetch m.prefecture order by m.lgCode")
    List<Municipality> findAllWithPrefecture();
}
