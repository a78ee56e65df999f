package jp.tsunagari.place;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Prefectures extends JpaRepository<Prefecture, String> {

    @Query("select p from Prefecture p join fetch p.region order by p.code")
    List<Prefecture> findAllWithRegion();
}
