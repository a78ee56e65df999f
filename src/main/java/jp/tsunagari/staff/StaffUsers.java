package jp.tsunagari.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUsers extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsername(String username);

    boolean existsByRoleAndEnabledTrue(StaffRole role);

    long countByRoleAndEnabledTrue(StaffRole role);

    List<StaffUser> findAllByOrderByUsername();
}
