package org.takedown.victim.campaign;

/**
 * A campaign is about to be removed, in the transaction that removes it: an observer that must keep it (it was sent)
 * throws, and nothing is removed.
 */
public record CampaignRemoving(long campaignId) {}
