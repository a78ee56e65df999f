package jp.tsunagari.catalogue;

import java.util.List;
import java.util.Optional;
import jp.tsunagari.catalogue.internal.Categories;
import jp.tsunagari.catalogue.internal.CategoryEntity;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The five categories for staff: listing and editing their names and descriptions (codes stay fixed). */
@Service
@Transactional
public class CategoryEditor {

    private final Categories categories;
    private final ChangeMarker marker;

    CategoryEditor(Categories categories, ChangeMarker marker) {
        this.categories = categories;
        this.marker = marker;
    }

    @Transactional(readOnly = true)
    public List<Category> all() {
        return categories.findAllByOrderByNumber().stream().map(CategoryEntity::value).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : categories.findById(code).map(CategoryEntity::value);
    }

    public void update(String code, String nameJa, String nameEn, String descriptionJa, String descriptionEn) {
        categories.findById(code).orElseThrow(() -> new NotFoundException("category " + code))
                .update(nameJa, nameEn, descriptionJa, descriptionEn);
        marker.bump();
    }
}
