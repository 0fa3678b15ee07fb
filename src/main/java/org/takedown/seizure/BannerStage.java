package org.takedown.seizure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A staged reveal: until {@code revealAt} the banner counts down to it, from then on it shows its text. */
@Entity
@Table(name = "banner_stage")
public class BannerStage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public int stageOrder;
    public Instant revealAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "banner_stage_text", joinColumns = @JoinColumn(name = "stage_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, StageText> texts = new HashMap<>();
}
