package jp.tsunagari.staff.internal;

import java.util.List;
import java.util.Optional;
import jp.tsunagari.staff.StaffRole;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffUsers extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsername(String username);

    boolean existsByRoleAndEnabledTrue(StaffRole role);

    long countByRoleAndEnabledTrue(StaffRole role);

    org.springframework.data.domain.Page<StaffUser> findAllByOrderByUsername(org.springframework.data.domain.Pageable page);

    List<StaffUser> findByEnabledTrueAndRoleInAndEmailIsNotNull(List<StaffRole> roles);

    List<StaffUser> findByEnabledTrueAndOrganizationCodeAndEmailIsNotNull(String organizationCode);
}
