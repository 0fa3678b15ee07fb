package org.takedown.seizure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;

/** The banner of an operation: texts per language, call to action, and what is kept of visits. */
@Entity
@Table(name = "banner_content")
public class BannerContent extends PanacheEntityBase {

    @Id
    public Long operationId;

    public String defaultLanguage;
    public String ctaUrl;
    public String ctaEmail;

    @Enumerated(EnumType.STRING)
    public VisitLogMode visitLog = VisitLogMode.NONE;

    public int visitRetentionDays;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "banner_text", joinColumns = @JoinColumn(name = "operation_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, BannerTexts> texts = new HashMap<>();
}
