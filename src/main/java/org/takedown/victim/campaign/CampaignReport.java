package org.takedown.victim.campaign;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.takedown.common.Problem;

/**
 * Everything the lint of a campaign found, for the officer writing it and the approver: each language's text, every
 * recipient's (worst case, parts in total and their cost, findings by victim id), the plan, and the errors (which
 * block saving and approval) and warnings.
 */
public record CampaignReport(
        Map<String, TextCheck> texts,
        long recipients,
        int worstFragments,
        long fragmentsTotal,
        long ucs2Recipients,
        BigDecimal cost,
        String currency,
        Map<String, Long> recipientsWithValue,
        List<Long> overCapVictims,
        List<Long> findingVictims,
        Plan plan,
        List<Problem.FieldError> errors,
        List<Problem.FieldError> warnings) {}
