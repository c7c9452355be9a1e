import { execFile } from 'node:child_process';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';
import { findGo, type GoToolchain } from './go-toolchain.ts';
import { StoreError } from './store-error.ts';

const run = promisify(execFile);

/** The FerretDB release Xiaoer embeds: pinned, so every machine runs the same server. */
export const FERRETDB_VERSION = 'v1.24.2';
/** FerretDB v1.24.2's go.mod says `go 1.24`. */
export const FERRETDB_MIN_GO = '1.24';
const MODULE = 'github.com/FerretDB/FerretDB';

/**
 * Changes Xiaoer makes to the FerretDB sources before building, each replacing one exact line.
 * A build fails loudly when a line is not found, so a version bump cannot drop one silently.
 */
export const FERRETDB_PATCHES = [
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: 'IDColumn = DefaultColumn + `->"_id"`',
    // The SQLite backend creates its unique `_id` index on `_ferretdb_sjson->"_id"` but looks
    // documents up with `_ferretdb_sjson->'$._id'`, an expression SQLite cannot match to the
    // index: every lookup, update and delete by `_id` parsed the whole table (EXPLAIN: SCAN).
    // Written like the index, the same lookups use it (EXPLAIN: SEARCH USING INDEX).
    why: 'use the _id index for lookups by _id',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: 'if params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")\n\t\tswitch v.(type) {\n\t\tcase string, types.ObjectID:\n\t\t\twhereClause',
    replace:
      'if v, _ := params.Filter.Get("_id"); v != nil {\n\t\tswitch v.(type) {\n\t\tcase string, types.ObjectID:\n\t\t\twhereClause',
    // Queries were narrowed to the one document only when the filter was `{ _id }` alone;
    // `{ _id, revision }` or Agenda's `{ _id, name }` read the whole collection. An `_id`
    // equality narrows any filter (the handler still applies the full filter to what comes
    // back), so it is pushed down whatever else the filter says.
    why: 'narrow every filter with an _id equality to that document',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: 'if params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")\n\t\tswitch v.(type) {\n\t\tcase string, types.ObjectID:\n\t\t\tfilterPushdown = true',
    replace:
      'if v, _ := params.Filter.Get("_id"); v != nil {\n\t\tswitch v.(type) {\n\t\tcase string, types.ObjectID:\n\t\t\tfilterPushdown = true',
    // `explain` decides on its own copy of that logic: narrowed the same way, it reports the
    // plan the query really gets.
    why: 'let explain report the narrowed plan',
  },
  {
    file: 'internal/backends/postgresql/query.go',
    find: '\t\tfilter = fmt.Sprintf(sql, metadata.DefaultColumn, operator, p.Next(), p.Next())\n\t\targs = append(args, k, string(must.NotFail(sjson.MarshalSingleValue(v))))',
    replace:
      '\t\tif k == "_id" {\n\t\t\tfilter = fmt.Sprintf("%s = %s", metadata.IDColumn, p.Next())\n\t\t\targs = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))\n\t\t\tbreak\n\t\t}\n\t\tfilter = fmt.Sprintf(sql, metadata.DefaultColumn, operator, p.Next(), p.Next())\n\t\targs = append(args, k, string(must.NotFail(sjson.MarshalSingleValue(v))))',
    // The PostgreSQL backend indexes `_jsonb->'_id'` (a btree) but finds by `_id` with
    // `_jsonb->$1 @> $2`, a key passed as a parameter and a containment operator the btree
    // cannot serve: every find by `_id` read the whole table (FerretDB#4646). Updates and
    // deletes already say `_jsonb->'_id' = $n`; finds now do too, for string and ObjectID ids
    // (`=` and `@>` agree there: an `_id` is never an array).
    why: 'use the _id index for finds by _id on PostgreSQL',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: 'func (c *collection) Query(',
    replace:
      '// idList is the SQL placeholders and arguments for an `_id` filter `{$in: [ids]}` of strings\n// and ObjectIDs only (patched in by Xiaoer); empty for any other value.\nfunc idList(v any) (string, []any) {\n\td, ok := v.(*types.Document)\n\tif !ok || d.Len() != 1 {\n\t\treturn "", nil\n\t}\n\tin, _ := d.Get("$in")\n\tids, ok := in.(*types.Array)\n\tif !ok || ids.Len() == 0 || ids.Len() > 1000 {\n\t\treturn "", nil\n\t}\n\tmarks := make([]string, 0, ids.Len())\n\targs := make([]any, 0, ids.Len())\n\tfor i := 0; i < ids.Len(); i++ {\n\t\tid, _ := ids.Get(i)\n\t\tswitch id.(type) {\n\t\tcase string, types.ObjectID:\n\t\tdefault:\n\t\t\treturn "", nil\n\t\t}\n\t\tmarks = append(marks, "?")\n\t\targs = append(args, string(must.NotFail(sjson.MarshalSingleValue(id))))\n\t}\n\treturn strings.Join(marks, ", "), args\n}\n\nfunc (c *collection) Query(',
    // Adds the function the next two patches call.
    why: 'read an _id $in list through the _id index (helper)',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}\n\t\t}\n\t}\n\n\tq += whereClause',
    replace:
      '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}\n\t\tcase *types.Document:\n\t\t\tif marks, list := idList(v); marks != "" {\n\t\t\t\twhereClause = fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, marks)\n\t\t\t\targs = list\n\t\t\t}\n\t\t}\n\t}\n\n\tq += whereClause',
    // `{ _id: { $in: [...] } }` read the whole collection: reads of several known ids had to
    // be a `findById` each. A list of string or ObjectID ids (up to 1,000) is now looked up
    // through the `_id` index, and the handler still applies the whole filter to what comes
    // back, so a batch of reads is one round trip.
    why: 'narrow an _id $in list to those documents',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}\n\t\t}\n\t}\n\n\torderByClause',
    replace:
      '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}\n\t\tcase *types.Document:\n\t\t\tif marks, list := idList(v); marks != "" {\n\t\t\t\tfilterPushdown = true\n\t\t\t\twhereClause = fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, marks)\n\t\t\t\targs = list\n\t\t\t}\n\t\t}\n\t}\n\n\torderByClause',
    why: 'let explain report the narrowed plan of an _id $in list',
  },
  {
    file: 'internal/backends/postgresql/query.go',
    find: '\t\t\t\tswitch k {\n\t\t\t\tcase "$eq":',
    replace:
      '\t\t\t\tswitch k {\n\t\t\t\tcase "$in":\n\t\t\t\t\tif rootKey != "_id" {\n\t\t\t\t\t\tcontinue\n\t\t\t\t\t}\n\t\t\t\t\tids, ok := v.(*types.Array)\n\t\t\t\t\tif !ok || ids.Len() == 0 || ids.Len() > 1000 {\n\t\t\t\t\t\tcontinue\n\t\t\t\t\t}\n\t\t\t\t\tlist := make([]any, 0, ids.Len())\n\t\t\t\t\tfor i := 0; i < ids.Len(); i++ {\n\t\t\t\t\t\tid, _ := ids.Get(i)\n\t\t\t\t\t\tswitch id.(type) {\n\t\t\t\t\t\tcase string, types.ObjectID:\n\t\t\t\t\t\t\tlist = append(list, string(must.NotFail(sjson.MarshalSingleValue(id))))\n\t\t\t\t\t\t}\n\t\t\t\t\t}\n\t\t\t\t\tif len(list) != ids.Len() {\n\t\t\t\t\t\tcontinue\n\t\t\t\t\t}\n\t\t\t\t\tmarks := make([]string, len(list))\n\t\t\t\t\tfor i := range list {\n\t\t\t\t\t\tmarks[i] = p.Next()\n\t\t\t\t\t}\n\t\t\t\t\tfilters = append(filters, fmt.Sprintf("%s IN (%s)", metadata.IDColumn, strings.Join(marks, ", ")))\n\t\t\t\t\targs = append(args, list...)\n\n\t\t\t\tcase "$eq":',
    // The same on PostgreSQL: an `_id` `$in` list of strings or ObjectIDs is served by the
    // btree on `_jsonb->'_id'` instead of reading the table.
    why: 'narrow an _id $in list on PostgreSQL',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\t"sort"\n\t"strings"\n',
    replace: '\t"sort"\n\t"strings"\n\t"sync"\n\t"sync/atomic"\n',
    why: 'import sync for the write lock and its checkpoints',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '// InsertAll implements backends.Collection interface.\n',
    replace:
      "// writeLocks holds a writeTurn per database (patched in by Xiaoer): this process's writes to one\n// SQLite file take turns here instead of in SQLite's busy handler, which polls with sleeps.\nvar writeLocks sync.Map\n\n// writeTurn is a database's write turn and its WAL checkpoints (patched in by Xiaoer). SQLite's\n// own checkpoint runs inside the COMMIT of the transaction that crossed its threshold, so every\n// writer waiting for the turn waited for the checkpoint too. Connections are opened with\n// wal_autocheckpoint(0) instead, and every walCheckpointEvery writes the turn starts a passive\n// checkpoint in the background, beside the writers. The WAL restarts from its beginning only\n// after a complete checkpoint that no write followed; once it holds more than walRestartFrames\n// and a checkpoint in the background completed, another one takes the write turn (a few\n// milliseconds) so that the next write restarts it.\ntype writeTurn struct {\n\tsync.Mutex\n\twrites  atomic.Int64\n\trunning atomic.Bool\n}\n\nconst (\n\twalCheckpointEvery = 64\n\twalRestartFrames   = 8192\n)\n\n// lockWrites waits for the database's write turn and returns its release.\nfunc lockWrites(db *fsql.DB) func() {\n\tv, _ := writeLocks.LoadOrStore(db, new(writeTurn))\n\tt := v.(*writeTurn)\n\tt.Lock()\n\n\treturn func() {\n\t\tt.Unlock()\n\n\t\tif t.writes.Add(1)%walCheckpointEvery == 0 && t.running.CompareAndSwap(false, true) {\n\t\t\tgo t.checkpoint(db)\n\t\t}\n\t}\n}\n\n// checkpoint copies the WAL into the database file, and makes it restart when it grew long.\nfunc (t *writeTurn) checkpoint(db *fsql.DB) {\n\tdefer t.running.Store(false)\n\n\t// A reader's older snapshot keeps the checkpoint from completing: then the turn is not taken.\n\tif busy, frames, copied := walCheckpoint(db); busy == 0 && frames > walRestartFrames && copied == frames {\n\t\tt.Lock()\n\t\tdefer t.Unlock()\n\n\t\twalCheckpoint(db)\n\t}\n}\n\n// walCheckpoint runs a passive checkpoint: whether it was blocked, the WAL's frames, those copied.\nfunc walCheckpoint(db *fsql.DB) (busy, frames, copied int64) {\n\trow := db.QueryRowContext(context.Background(), \"PRAGMA wal_checkpoint(PASSIVE)\")\n\tif err := row.Scan(&busy, &frames, &copied); err != nil {\n\t\treturn 1, 0, 0\n\t}\n\n\treturn busy, frames, copied\n}\n\n// InsertAll implements backends.Collection interface.\n",
    // Every write transaction is `BEGIN IMMEDIATE` (store-launcher's `_txlock=immediate`), so
    // SQLite runs one at a time anyway; the others waited in its default busy handler, which
    // sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms between tries and is not woken when
    // the lock frees. With a dozen of Xiaoer's batched writes under way at once, a write that
    // came third could sleep tens of milliseconds after the lock was free. The turn also
    // checkpoints the WAL beside the writers rather than inside one's COMMIT, where the others
    // waited for it (the URL sets `wal_autocheckpoint(0)`, store/ferretdb-process.ts): small
    // inserts beside a stream of large ones, p99 14 → 8 ms (docs/store.md).
    why: 'take turns for writes in a mutex per database, checkpoint beside them (helper)',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\n\terr := db.InTransaction(ctx, func(tx *fsql.Tx) error {\n\t\tbatchSize',
    replace:
      '\n\tdefer lockWrites(db)()\n\n\terr := db.InTransaction(ctx, func(tx *fsql.Tx) error {\n\t\tbatchSize',
    why: 'inserts take their turn',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\n\terr := db.InTransaction(ctx, func(tx *fsql.Tx) error {\n\t\tfor _, doc := range params.Docs {',
    replace:
      '\n\tdefer lockWrites(db)()\n\n\terr := db.InTransaction(ctx, func(tx *fsql.Tx) error {\n\t\tfor _, doc := range params.Docs {',
    why: 'updates take their turn',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\n\tres, err := db.ExecContext(ctx, q, args...)\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n\n\tra, err := res.RowsAffected()',
    replace:
      '\n\tunlock := lockWrites(db)\n\tres, err := db.ExecContext(ctx, q, args...)\n\tunlock()\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n\n\tra, err := res.RowsAffected()',
    why: 'deletes take their turn',
  },
  {
    file: 'internal/util/resource/resource.go',
    find: 'func Track(obj any, token *Token) {\n\tcheckArgs(obj, token)\n',
    replace:
      'func Track(obj any, token *Token) {\n\tif !debugbuild.Enabled {\n\t\treturn\n\t}\n\n\tcheckArgs(obj, token)\n',
    // Every transaction, row set and iterator (several a command) was tracked for leaks in
    // release builds too: reflection, a finalizer and a stack trace added to a pprof profile
    // each, 6 % of the store's CPU for single inserts. Kept in FerretDB's debug builds only.
    why: 'track resource lifetimes in debug builds only',
  },
  {
    file: 'internal/util/resource/resource.go',
    find: 'func Untrack(obj any, token *Token) {\n\tcheckArgs(obj, token)\n',
    replace:
      'func Untrack(obj any, token *Token) {\n\tif !debugbuild.Enabled {\n\t\treturn\n\t}\n\n\tcheckArgs(obj, token)\n',
    why: 'untrack only what debug builds tracked',
  },
  {
    file: 'internal/handler/msg_delete.go',
    find: '// execDelete performs a single delete operation.\n//\n// It returns a number of deleted documents or error.\n// The error is either a (wrapped) *handlererrors.CommandError or something fatal.\nfunc (h *Handler) execDelete(ctx context.Context, c backends.Collection, p *common.Delete) (int32, error) {\n\tvar qp backends.QueryParams\n',
    replace:
      '// exactIDs is the list of `_id`s a delete filter names when it names nothing else (patched in\n// by Xiaoer): `{_id: id}`, or `{_id: {$in: [ids]}}` of up to 1,000 strings and ObjectIDs when the\n// delete is not limited to one document; nil for any other filter.\nfunc exactIDs(filter *types.Document, limited bool) []any {\n\tif filter == nil || filter.Len() != 1 {\n\t\treturn nil\n\t}\n\n\tv, _ := filter.Get("_id")\n\tswitch v := v.(type) {\n\tcase string, types.ObjectID:\n\t\treturn []any{v}\n\tcase *types.Document:\n\t\tif limited || v.Len() != 1 {\n\t\t\treturn nil\n\t\t}\n\n\t\tin, _ := v.Get("$in")\n\t\tlist, ok := in.(*types.Array)\n\t\tif !ok || list.Len() == 0 || list.Len() > 1000 {\n\t\t\treturn nil\n\t\t}\n\n\t\tids := make([]any, 0, list.Len())\n\t\tfor i := 0; i < list.Len(); i++ {\n\t\t\tid, _ := list.Get(i)\n\t\t\tswitch id.(type) {\n\t\t\tcase string, types.ObjectID:\n\t\t\t\tids = append(ids, id)\n\t\t\tdefault:\n\t\t\t\treturn nil\n\t\t\t}\n\t\t}\n\n\t\treturn ids\n\t}\n\n\treturn nil\n}\n\n// execDelete performs a single delete operation.\n//\n// It returns a number of deleted documents or error.\n// The error is either a (wrapped) *handlererrors.CommandError or something fatal.\nfunc (h *Handler) execDelete(ctx context.Context, c backends.Collection, p *common.Delete) (int32, error) {\n\tif ids := exactIDs(p.Filter, p.Limited); ids != nil {\n\t\td, err := c.DeleteAll(ctx, &backends.DeleteAllParams{IDs: ids})\n\t\tif err != nil {\n\t\t\treturn 0, lazyerrors.Error(err)\n\t\t}\n\n\t\treturn d.Deleted, nil\n\t}\n\n\tvar qp backends.QueryParams\n',
    // A delete read every document it deleted first (a query through the filter, each document
    // decoded, then a `DELETE … IN` of their ids): two thirds of the store's time for deletes,
    // which are the inbox entries and outbox notes of every event. A filter that is only an
    // `_id`, or only a list of them, goes straight to the `DELETE … IN`, which says how many it
    // removed (a listed id that is not there removes nothing, as before). Any other filter, or
    // a `deleteOne` of a list, reads first as before. (With an oplog, which Xiaoer's store has
    // not, FerretDB would log the listed ids rather than the ones found.)
    why: 'delete by an exact _id list without reading the documents first',
  },
  {
    file: 'internal/handler/msg_update.go',
    find: 'import (\n\t"context"\n\t"fmt"\n\n\t"github.com/FerretDB/wire"\n',
    replace:
      'import (\n\t"context"\n\t"fmt"\n\t"hash/fnv"\n\t"sync"\n\n\t"github.com/FerretDB/wire"\n',
    why: 'import fnv and sync for the turns of documents',
  },
  {
    file: 'internal/handler/msg_update.go',
    find: '// updateDocument iterate through all documents in collection and update them.\n',
    replace:
      '// documentTurns holds, per collection, whose turn it is to update a document (patched in by\n// Xiaoer). An update reads the document and then writes all of it: two at once both read the\n// same version, and the later write undid the earlier. An update whose filter names one `_id`\n// takes that document\'s turn (one of 256 stripes, shared with the collection\'s ids that hash\n// there); any other update takes the whole collection\'s.\nvar documentTurns sync.Map\n\ntype collectionTurns struct {\n\tall     sync.RWMutex\n\tstripes [256]sync.Mutex\n}\n\n// lockDocuments waits for the turn of the documents an update\'s filter names and returns its\n// release (patched in by Xiaoer).\nfunc lockDocuments(db, collection string, filter *types.Document) func() {\n\tv, _ := documentTurns.LoadOrStore(db+"\\x00"+collection, new(collectionTurns))\n\tt := v.(*collectionTurns)\n\n\tvar key []byte\n\tif filter != nil {\n\t\tif id, err := filter.Get("_id"); err == nil {\n\t\t\tswitch id := id.(type) {\n\t\t\tcase string:\n\t\t\t\tkey = []byte(id)\n\t\t\tcase types.ObjectID:\n\t\t\t\tkey = id[:]\n\t\t\t}\n\t\t}\n\t}\n\n\tif key == nil {\n\t\tt.all.Lock()\n\t\treturn t.all.Unlock\n\t}\n\n\th := fnv.New32a()\n\t_, _ = h.Write(key)\n\ts := &t.stripes[h.Sum32()%uint32(len(t.stripes))]\n\n\tt.all.RLock()\n\ts.Lock()\n\n\treturn func() {\n\t\ts.Unlock()\n\t\tt.all.RUnlock()\n\t}\n}\n\n// updateDocument iterate through all documents in collection and update them.\n',
    why: 'updates of one document take turns (helper)',
  },
  {
    file: 'internal/handler/msg_update.go',
    find: '\t\tvar qp backends.QueryParams\n\t\tif !h.DisablePushdown {\n\t\t\tqp.Filter = u.Filter\n\t\t}\n\n\t\tres, err := c.Query(ctx, &qp)\n\t\tif err != nil {\n\t\t\treturn 0, 0, nil, lazyerrors.Error(err)\n\t\t}\n',
    replace:
      "\t\t// The documents' turn (patched in by Xiaoer): the read and the write of each update together.\n\t\tunlock := lockDocuments(params.DB, params.Collection, u.Filter)\n\n\t\tvar qp backends.QueryParams\n\t\tif !h.DisablePushdown {\n\t\t\tqp.Filter = u.Filter\n\t\t}\n\n\t\tres, err := c.Query(ctx, &qp)\n\t\tif err != nil {\n\t\t\tunlock()\n\t\t\treturn 0, 0, nil, lazyerrors.Error(err)\n\t\t}\n",
    why: "an update takes its documents' turn before it reads them",
  },
  {
    file: 'internal/handler/msg_update.go',
    find: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n\t\tif err != nil {\n',
    replace:
      '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n\t\tunlock()\n\n\t\tif err != nil {\n',
    why: 'and gives it back once it wrote them',
  },
  {
    file: 'internal/handler/msg_findandmodify.go',
    find: '\tres, err := h.findAndModifyDocument(connCtx, params)\n',
    replace:
      "\t// The document's turn (patched in by Xiaoer, msg_update.go): its read and its write together.\n\tunlock := lockDocuments(params.DB, params.Collection, params.Query)\n\tres, err := h.findAndModifyDocument(connCtx, params)\n\tunlock()\n",
    // An update was a read of the documents and then a write of all of each: two updates of one
    // document at once (a presence beat's `seenAt` and an agent's status, two counts of one
    // login, two rotations of a secret) both read one version and the later write undid the
    // earlier — 60 `$inc` at once through two connections counted 23
    // (tests/store/updates-at-once.test.ts). Now the updates of a document take turns in this
    // FerretDB process: one `_id` in the filter, that document's turn (updates of other documents
    // go on beside it); any other filter, the collection's. With PostgreSQL and several Xiaoer
    // processes, each runs its own FerretDB: there the application's claims still serialize what
    // must (sources, logins).
    why: "a findAndModify takes its document's turn for its read and its write",
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '// Stats implements backends.Collection interface.\n',
    replace:
      "// stringEqualities is a WHERE clause for the filter's top-level fields compared with a string\n// (patched in by Xiaoer): SQLite reads each such field from the stored JSON and skips the\n// documents where it is another string, a number, a document or missing, without their being\n// decoded; a document whose field is an array is kept (it may hold the string). What comes back\n// is a superset, and the handler still applies the whole filter to it. Empty when the filter\n// compares no simple field name with a string.\nfunc stringEqualities(filter *types.Document) (string, []any) {\n\tif filter == nil {\n\t\treturn \"\", nil\n\t}\n\n\tvar conditions []string\n\tvar args []any\n\n\tfor _, k := range filter.Keys() {\n\t\tv, _ := filter.Get(k)\n\t\ts, ok := v.(string)\n\t\tif !ok || !simpleFieldName(k) {\n\t\t\tcontinue\n\t\t}\n\n\t\tpath := \"$.\" + k\n\t\tconditions = append(conditions, fmt.Sprintf(\n\t\t\t\"(json_extract(%[1]s, ?) = ? OR json_type(%[1]s, ?) = 'array')\", metadata.DefaultColumn,\n\t\t))\n\t\targs = append(args, path, s, path)\n\t}\n\n\tif len(conditions) == 0 {\n\t\treturn \"\", nil\n\t}\n\n\treturn \" WHERE \" + strings.Join(conditions, \" AND \"), args\n}\n\n// simpleFieldName reports whether a field name needs no quoting in a JSON path: letters, digits\n// and underscores, not starting with a digit (so never an operator or the stored schema key).\nfunc simpleFieldName(k string) bool {\n\tif k == \"\" || k == \"_id\" {\n\t\treturn false\n\t}\n\n\tfor i, r := range k {\n\t\tswitch {\n\t\tcase r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':\n\t\tcase r >= '0' && r <= '9' && i > 0:\n\t\tdefault:\n\t\t\treturn false\n\t\t}\n\t}\n\n\treturn true\n}\n\n// Stats implements backends.Collection interface.\n",
    why: 'narrow a scan by top-level string equalities (helper)',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    find: '\tq += whereClause\n\tq += prepareOrderByClause(params.Sort)\n',
    replace:
      '\t// Without an _id to narrow to, top-level string equalities narrow the scan (patched in by\n\t// Xiaoer).\n\tif whereClause == "" {\n\t\twhereClause, args = stringEqualities(params.Filter)\n\t}\n\n\tq += whereClause\n\tq += prepareOrderByClause(params.Sort)\n',
    // A find by anything but `_id` decoded every document of the collection into FerretDB's
    // types and then applied the filter: the editor's running instances per node, the workflows
    // list's running counts and Agenda's job queries each decoded every instance or job ever
    // stored. A filter's top-level string equalities (`{ workflowId, status: 'active' }`) now
    // go to SQLite as conditions on the stored JSON, which skips the documents that cannot
    // match without decoding them; the handler still applies the whole filter to the rest.
    why: 'a find without an _id reads only the documents whose top-level fields can match its strings',
  },
] as const;

/** Bumped whenever FERRETDB_PATCHES change, so cached binaries are rebuilt. */
export const FERRETDB_PATCH_LEVEL = 11;

/** Applies {@link FERRETDB_PATCHES} to a writable copy of the sources. */
export async function patchFerretdbSources(sources: string): Promise<void> {
  for (const patch of FERRETDB_PATCHES) {
    const path = join(sources, patch.file);
    const text = await readFile(path, 'utf8');
    if (text.split(patch.find).length !== 2)
      throw new StoreError('ferretdb-build-failed', {
        zh: `无法修补 FerretDB ${FERRETDB_VERSION}（${patch.file}：找不到要替换的那一行）。`,
        en: `Cannot patch FerretDB ${FERRETDB_VERSION} (${patch.file}: the line to replace is not there).`,
      });
    // A function, so that `$` in the Go source is never read as a replacement pattern.
    await writeFile(
      path,
      text.replace(patch.find, () => patch.replace),
    );
  }
}

/** Progress lines (zh / en) for long work such as the first build. */
export type ProgressReporter = (line: string) => void;

/** `$XDG_CACHE_HOME/xiaoer` or `~/.cache/xiaoer`. */
export function xiaoerCacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'xiaoer');
}

/** Where the binary of the pinned version lives once built. */
export function ferretdbBinaryPath(cacheDir = xiaoerCacheDir()): string {
  return join(cacheDir, ferretdbBuildName(), 'ferretdb');
}

/** `ferretdb-1.24.2-xiaoer1`: the version and Xiaoer's patch level. */
export function ferretdbBuildName(): string {
  return `ferretdb-${FERRETDB_VERSION.slice(1)}-xiaoer${FERRETDB_PATCH_LEVEL}`;
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

function goFailure(step: string, error: unknown): StoreError {
  const detail = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-15).join('\n');
  return new StoreError(
    'ferretdb-build-failed',
    {
      zh: `构建 FerretDB ${FERRETDB_VERSION} 失败（${step}）：\n${detail ?? String(error)}\n可以改为设置 MONGODB_URI。`,
      en: `Building FerretDB ${FERRETDB_VERSION} failed (${step}):\n${detail ?? String(error)}\nYou can set MONGODB_URI instead.`,
    },
    { cause: error },
  );
}

/**
 * Builds the pinned FerretDB from the Go module proxy into `target`. `go install` alone gives
 * a binary that panics at start (its build/version/version.txt is generated by FerretDB's own
 * build tooling), so the module is copied out of the module cache, the version file written,
 * and `go build` run there.
 */
async function build(go: GoToolchain, target: string, report: ProgressReporter): Promise<void> {
  const started = Date.now();
  const env = { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
  report(
    `[store] 下载 FerretDB ${FERRETDB_VERSION} 源码 / downloading FerretDB ${FERRETDB_VERSION} sources`,
  );
  let moduleDir: string;
  try {
    const { stdout } = await run(
      go.command,
      ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`],
      { env, maxBuffer: 1 << 24 },
    );
    moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
  } catch (error) {
    throw goFailure('go mod download', error);
  }
  const workDir = await mkdtemp(join(tmpdir(), 'xiaoer-ferretdb-build-'));
  try {
    const sources = join(workDir, 'src');
    await cp(moduleDir, sources, { recursive: true });
    await makeWritable(sources);
    await writeFile(join(sources, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await patchFerretdbSources(sources);
    report(
      `[store] 编译 FerretDB（Go ${go.version}，约 1 分钟）/ compiling FerretDB (Go ${go.version}, about a minute)`,
    );
    const ticker = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      report(`[store] 仍在编译…… ${seconds} 秒 / still compiling… ${seconds} s`);
    }, 15_000);
    const partial = `${target}.partial-${process.pid}`;
    try {
      await run(go.command, ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
        cwd: sources,
        env,
        maxBuffer: 1 << 24,
      });
    } catch (error) {
      throw goFailure('go build', error);
    } finally {
      clearInterval(ticker);
    }
    await rename(partial, target);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  report(
    `[store] FerretDB 构建完成，用时 ${seconds} 秒：${target} / FerretDB built in ${seconds} s: ${target}`,
  );
}

/**
 * The path of the pinned FerretDB binary, built once per machine and cached by version.
 * Concurrent processes (test workers, several servers) wait on a file lock and build it once.
 */
export async function ensureFerretdb(
  report: ProgressReporter = () => {},
  cacheDir = xiaoerCacheDir(),
): Promise<string> {
  const target = ferretdbBinaryPath(cacheDir);
  if (existsSync(target)) return target;
  await mkdir(join(cacheDir, ferretdbBuildName()), { recursive: true });
  const release = await lockfile.lock(cacheDir, {
    lockfilePath: join(cacheDir, `${ferretdbBuildName()}.lock`),
    stale: 30_000,
    retries: { retries: 600, minTimeout: 500, maxTimeout: 1000 },
    onCompromised: () => {},
  });
  try {
    if (existsSync(target) && (await stat(target)).size > 0) return target;
    const go = await findGo(FERRETDB_MIN_GO);
    report(
      `[store] 首次运行：构建内置数据库 FerretDB ${FERRETDB_VERSION}，完成后缓存于 ${cacheDir} / first run: building the embedded FerretDB ${FERRETDB_VERSION}, cached afterwards in ${cacheDir}`,
    );
    await build(go, target, report);
    return target;
  } finally {
    await release();
  }
}
