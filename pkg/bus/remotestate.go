package bus

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
)

// stateSubjectPrefix + bucket is where the process owning a bucket's packed keys (localStore)
// answers the operations of the bus's other processes.
const stateSubjectPrefix = "newsmon.state."

// stateRequestTimeout bounds one operation asked of the owner when the caller's context has no
// deadline of its own.
const stateRequestTimeout = 10 * time.Second

// Requests: a kind byte (stateGet or a packedOp kind), the ttl in nanoseconds (varint), then key,
// old and val, each length-prefixed (uvarint). Replies: stateNo (false, or absent), stateYes
// (true, or found, followed by the value), or stateFailed followed by the error's text.
const (
	stateGet    = byte('g')
	stateNo     = byte('n')
	stateYes    = byte('y')
	stateFailed = byte('e')
)

// remoteStore asks the process that owns a bucket's packed keys (see localStore) for each operation.
type remoteStore struct {
	nc      *nats.Conn
	subject string
}

// stateOwner returns a remoteStore when another process owns kv's packed keys (its mark is in the
// bucket), else shards.
func (b *Bus) stateOwner(ctx context.Context, kv *KV, shards *shardStore) (packedStore, error) {
	return ownerOf(ctx, b.nc, kv, shards)
}

func ownerOf(ctx context.Context, nc *nats.Conn, kv *KV, shards *shardStore) (packedStore, error) {
	subject, ok, err := kv.Get(ctx, packedOwnerKey)
	if err != nil {
		return nil, fmt.Errorf("owner mark: %w", err)
	}
	if !ok {
		return shards, nil
	}
	return &remoteStore{nc: nc, subject: string(subject)}, nil
}

func (r *remoteStore) get(ctx context.Context, key string) ([]byte, bool, error) {
	return r.ask(ctx, key, packedOp{kind: stateGet})
}

func (r *remoteStore) apply(ctx context.Context, key string, op packedOp) (bool, error) {
	_, ok, err := r.ask(ctx, key, op)
	return ok, err
}

func (r *remoteStore) ask(ctx context.Context, key string, op packedOp) ([]byte, bool, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, stateRequestTimeout)
		defer cancel()
	}
	req := []byte{op.kind}
	req = binary.AppendVarint(req, int64(op.ttl))
	for _, part := range [][]byte{[]byte(key), op.old, op.val} {
		req = binary.AppendUvarint(req, uint64(len(part)))
		req = append(req, part...)
	}
	msg, err := r.nc.RequestWithContext(ctx, r.subject, req)
	if errors.Is(err, nats.ErrNoResponders) {
		return nil, false, fmt.Errorf("%s: %s: the process that owns these keys (the one running the embedded NATS) does not answer", r.subject, key)
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s: %s: %w", r.subject, key, err)
	}
	reply := msg.Data
	switch {
	case len(reply) > 0 && reply[0] == stateYes:
		return reply[1:], true, nil
	case len(reply) > 0 && reply[0] == stateNo:
		return nil, false, nil
	case len(reply) > 0 && reply[0] == stateFailed:
		return nil, false, fmt.Errorf("%s: %s: %s", r.subject, key, reply[1:])
	}
	return nil, false, fmt.Errorf("%s: %s: malformed reply %q", r.subject, key, reply)
}

// serveState answers one request of a remoteStore from s.
func serveState(s packedStore, m *nats.Msg) {
	ctx, cancel := context.WithTimeout(context.Background(), stateRequestTimeout)
	defer cancel()
	val, ok, err := doStateRequest(ctx, s, m.Data)
	var reply []byte
	switch {
	case err != nil:
		reply = append([]byte{stateFailed}, err.Error()...)
	case ok:
		reply = append([]byte{stateYes}, val...)
	default:
		reply = []byte{stateNo}
	}
	_ = m.Respond(reply) // a requester gone meanwhile retries by itself
}

func doStateRequest(ctx context.Context, s packedStore, req []byte) ([]byte, bool, error) {
	if len(req) == 0 {
		return nil, false, errors.New("empty request")
	}
	op := packedOp{kind: req[0]}
	ttl, n := binary.Varint(req[1:])
	if n <= 0 {
		return nil, false, errors.New("malformed request")
	}
	op.ttl, req = time.Duration(ttl), req[1+n:]
	parts := make([][]byte, 3)
	for i := range parts {
		l, n := binary.Uvarint(req)
		if n <= 0 || uint64(len(req)-n) < l {
			return nil, false, errors.New("malformed request")
		}
		parts[i], req = req[n:n+int(l)], req[n+int(l):]
	}
	key := string(parts[0])
	op.old, op.val = parts[1], parts[2]
	switch op.kind {
	case stateGet:
		return s.get(ctx, key)
	case opPut, opCreate, opSwap, opDelete:
		ok, err := s.apply(ctx, key, op)
		return nil, ok, err
	}
	return nil, false, fmt.Errorf("unknown operation %q", op.kind)
}
