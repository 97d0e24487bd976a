-- A post is stamped a millisecond after the motion's newest argument too, not only after its last
-- event: an event stamped now (a vote, an approval) can be earlier than posts made just before it
-- in one millisecond, and a post after it then sorted among them rather than last.
CREATE OR REPLACE FUNCTION place_argument(
  p_argument jsonb,
  p_citations jsonb,
  p_follow jsonb,
  p_notifications jsonb,
  p_published boolean,
  p_status text,
  p_space_id text,
  p_settings jsonb,
  p_session jsonb,
  p_type text,
  p_data jsonb,
  p_actor_id text,
  p_version integer,
  p_kept_actor_id text,
  p_kept_client_id text,
  p_at timestamptz
) RETURNS TABLE (placed_seq integer, placed_pseudonym integer, placed_at text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_argument arguments%ROWTYPE;
  v_parent arguments%ROWTYPE;
  v_follow follows%ROWTYPE;
  v_motion motions%ROWTYPE;
  v_at timestamptz;
  v_data jsonb;
  v_last_at timestamptz;
  v_newest_at timestamptz;
BEGIN
  v_argument := jsonb_populate_record(NULL::arguments, p_argument);
  -- The cited documents, held shared to the commit (before the motion, as every command takes
  -- them): a new version waits for this post, and one committed first means the post is checked
  -- again against it.
  PERFORM 1 FROM documents d
    WHERE d.id IN (SELECT c ->> 'document_id' FROM jsonb_array_elements(p_citations) c)
    ORDER BY d.id FOR SHARE;
  IF EXISTS (
    SELECT 1 FROM jsonb_array_elements(p_citations) c
    LEFT JOIN documents d ON d.id = c ->> 'document_id'
    WHERE d.current_version_id IS DISTINCT FROM c ->> 'version_id'
  ) THEN
    RETURN;
  END IF;
  -- The lock an update of the row takes: a full FOR UPDATE would also wait on the rows other
  -- transactions are writing that refer to the motion.
  SELECT * INTO v_motion FROM motions WHERE motions.id = v_argument.motion_id FOR NO KEY UPDATE;
  -- The motion's rules changed, or the parent left, since the post was checked: no row, nothing
  -- written, and the caller starts again.
  IF NOT FOUND OR v_motion.status <> p_status OR v_motion.space_id <> p_space_id
    OR v_motion.settings <> p_settings OR v_motion.session <> p_session THEN
    RETURN;
  END IF;
  -- Read by its id alone, the one index that can find it: a plan cached while the table was
  -- small may otherwise look for it among all of the motion's arguments.
  IF v_argument.parent_id IS NOT NULL THEN
    SELECT * INTO v_parent FROM arguments a WHERE a.id = v_argument.parent_id;
    IF NOT FOUND OR v_parent.motion_id <> v_motion.id OR v_parent.status <> 'published' THEN
      RETURN;
    END IF;
  END IF;
  UPDATE motions SET last_seq = motions.last_seq + 1 WHERE motions.id = v_motion.id
    RETURNING motions.last_seq INTO v_motion.last_seq;
  -- The app's time, but never before the motion's last event nor its newest argument: arguments
  -- sort as they were posted, even after an event stamped now, before posts made just before it
  -- in one millisecond (each a millisecond after the one before). Both are index lookups; the
  -- newest argument's is planned afresh with each call's values, as the author's number below.
  SELECT e.at INTO v_last_at FROM events e
    WHERE e.motion_id = v_motion.id ORDER BY e.seq DESC LIMIT 1;
  EXECUTE 'SELECT a.created_at FROM arguments a WHERE a.motion_id = $1 '
    || 'ORDER BY a.created_at DESC LIMIT 1'
    INTO v_newest_at USING v_motion.id;
  v_at := greatest(date_trunc('milliseconds', p_at), v_last_at + interval '1 millisecond',
    v_newest_at + interval '1 millisecond');
  -- The author's number from their other arguments in the motion, or the next free one: each an
  -- index lookup. The first is planned afresh with each call's values: a plan cached while the
  -- table was small, and not yet analysed, may take the numbers' index and read every argument.
  EXECUTE 'SELECT a.pseudonym FROM arguments a WHERE a.motion_id = $1 AND a.author_id = $2 LIMIT 1'
    INTO v_argument.pseudonym USING v_motion.id, v_argument.author_id;
  v_argument.pseudonym := coalesce(v_argument.pseudonym,
    coalesce((SELECT max(a.pseudonym) FROM arguments a WHERE a.motion_id = v_motion.id), 0) + 1);
  INSERT INTO arguments (id, motion_id, parent_id, relation, body, author_id, author_name,
    pseudonym, status, rejection_reason, created_at, edited_at, published_seq)
  VALUES (v_argument.id, v_argument.motion_id, v_argument.parent_id, v_argument.relation,
    v_argument.body, v_argument.author_id, v_argument.author_name, v_argument.pseudonym,
    v_argument.status, v_argument.rejection_reason, v_at, v_argument.edited_at,
    CASE WHEN p_published THEN v_motion.last_seq END);
  INSERT INTO citations SELECT * FROM jsonb_populate_recordset(NULL::citations, p_citations);
  v_follow := jsonb_populate_record(NULL::follows, p_follow);
  INSERT INTO follows (user_id, motion_id, state, changed_at)
    VALUES (v_follow.user_id, v_follow.motion_id, v_follow.state, v_follow.changed_at)
    ON CONFLICT DO NOTHING;
  placed_seq := v_motion.last_seq;
  placed_pseudonym := v_argument.pseudonym;
  placed_at := to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_data := jsonb_set(
    jsonb_set(p_data, '{argument,pseudonym}', to_jsonb(placed_pseudonym)),
    '{argument,createdAt}',
    to_jsonb(placed_at));
  INSERT INTO events (motion_id, seq, type, data, actor_id, at, version)
    VALUES (v_motion.id, placed_seq, p_type, v_data, p_actor_id, v_at, p_version);
  INSERT INTO notifications (id, user_id, type, motion_id, argument_id, actor_id, seq, at)
    SELECT n.id, n.user_id, n.type, n.motion_id, n.argument_id, n.actor_id, placed_seq, v_at
    FROM jsonb_populate_recordset(NULL::notifications, p_notifications) n;
  -- The post's answer, for a retry of the same post to find (server/domain/outcome.ts, once).
  IF p_kept_client_id IS NOT NULL THEN
    INSERT INTO commands (actor_id, client_id, result, at) VALUES (
      p_kept_actor_id,
      p_kept_client_id,
      jsonb_build_object('seq', placed_seq, 'argument', v_data -> 'argument'),
      v_at);
  END IF;
  RETURN NEXT;
END
$$;
