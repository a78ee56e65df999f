package jp.tsunagari.place;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Regions extends JpaRepository<Region, String> {

    List<Region> findAllByOrderBySortOrder();
}
