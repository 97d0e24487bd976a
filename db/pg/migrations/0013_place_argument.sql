-- Places a post under its motion's lock in one round trip (db/repos.ts, events.appendPlaced):
-- every round trip made while the lock is held, waiting its turn on a busy server, holds up every
-- other post into the motion. Each statement in the function reads what was committed before it
-- began, so the checks and the number below see every post that held the lock before this one.
CREATE FUNCTION place_argument(
  p_motion_id text,
  p_argument_id text,
  p_author_id text,
  p_parent_id text,
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
  p_kept_client_id text
) RETURNS TABLE (placed_seq integer, placed_pseudonym integer, placed_at text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_motion motions%ROWTYPE;
  v_at timestamptz;
  v_number integer;
  v_data jsonb;
BEGIN
  -- The lock an update of the row takes: the foreign keys of rows this post already wrote hold
  -- the motion's key, which a full FOR UPDATE would wait on.
  SELECT * INTO v_motion FROM motions WHERE motions.id = p_motion_id FOR NO KEY UPDATE;
  -- The motion's rules changed, or the parent left, since the post was checked: no row, and the
  -- caller rolls back and starts again.
  IF NOT FOUND OR v_motion.status <> p_status OR v_motion.space_id <> p_space_id
    OR v_motion.settings <> p_settings OR v_motion.session <> p_session THEN
    RETURN;
  END IF;
  IF p_parent_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM arguments a
    WHERE a.id = p_parent_id AND a.motion_id = p_motion_id AND a.status = 'published'
  ) THEN
    RETURN;
  END IF;
  UPDATE motions SET last_seq = motions.last_seq + 1 WHERE motions.id = p_motion_id
    RETURNING motions.last_seq INTO v_motion.last_seq;
  v_at := date_trunc('milliseconds', clock_timestamp());
  -- The author's number from their other arguments in the motion, or the next free one.
  v_number := coalesce(
    (SELECT a.pseudonym FROM arguments a
      WHERE a.motion_id = p_motion_id AND a.id <> p_argument_id AND a.author_id = p_author_id
      LIMIT 1),
    coalesce(
      (SELECT max(a.pseudonym) FROM arguments a
        WHERE a.motion_id = p_motion_id AND a.id <> p_argument_id),
      0) + 1);
  UPDATE arguments SET
    created_at = v_at,
    published_seq = CASE WHEN p_published THEN v_motion.last_seq END,
    pseudonym = v_number
  WHERE arguments.id = p_argument_id;
  placed_seq := v_motion.last_seq;
  placed_pseudonym := v_number;
  placed_at := to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_data := jsonb_set(
    jsonb_set(p_data, '{argument,pseudonym}', to_jsonb(v_number)),
    '{argument,createdAt}',
    to_jsonb(placed_at));
  INSERT INTO events (motion_id, seq, type, data, actor_id, at, version)
    VALUES (p_motion_id, placed_seq, p_type, v_data, p_actor_id, v_at, p_version);
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
