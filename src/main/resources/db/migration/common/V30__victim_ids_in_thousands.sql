-- An import writes victims a thousand at a time: their ids come a thousand per sequence call, not fifty.
ALTER SEQUENCE victim_seq INCREMENT BY 1000;
