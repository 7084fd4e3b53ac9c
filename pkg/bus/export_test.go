package bus

// SetPackedShardBits makes p use 2^bits shards, so that tests can fill shards with few keys.
func SetPackedShardBits(p *PackedKV, bits int) { p.shardBits = bits }
