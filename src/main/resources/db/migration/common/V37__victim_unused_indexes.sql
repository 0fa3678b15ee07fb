-- No query looks victims up by their phone's or email's blind index (a victim is found by its list and contact key,
-- which the victim_contact constraint indexes; the suppression list is matched against victims already read), and an
-- import maintained both indexes for every row it stored.
DROP INDEX victim_phone_index;
DROP INDEX victim_email_index;
