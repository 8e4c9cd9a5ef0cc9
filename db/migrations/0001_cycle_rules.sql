-- Rules that must hold whatever code touches the database.

-- A cycle is born a draft and only moves forward: draft -> open -> closed.
-- Its name and dates are frozen once it has opened; only a draft can be deleted.
CREATE FUNCTION cycles_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.state <> 'draft' THEN
      RAISE EXCEPTION 'a new cycle must start as a draft' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      RAISE EXCEPTION 'only a draft cycle can be deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.state IS DISTINCT FROM OLD.state
     AND NOT ((OLD.state = 'draft' AND NEW.state = 'open') OR (OLD.state = 'open' AND NEW.state = 'closed')) THEN
    RAISE EXCEPTION 'a cycle cannot move from % to %', OLD.state, NEW.state USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'draft'
     AND (NEW.name, NEW.opens_on, NEW.closes_on, NEW.opened_at) IS DISTINCT FROM (OLD.name, OLD.opens_on, OLD.closes_on, OLD.opened_at) THEN
    RAISE EXCEPTION 'a cycle can only be edited while it is a draft' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state = 'closed' AND NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
    RAISE EXCEPTION 'a closed cycle cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER cycles_guard BEFORE INSERT OR UPDATE OR DELETE ON cycles
  FOR EACH ROW EXECUTE FUNCTION cycles_guard();
--> statement-breakpoint

-- The snapshot of who rates whom is taken while the cycle is still a draft, in the same
-- transaction that opens it, and never changes afterwards.
CREATE FUNCTION cycle_assignments_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cycle_state_now cycle_state;
BEGIN
  SELECT state INTO cycle_state_now FROM cycles WHERE id = COALESCE(NEW.cycle_id, OLD.cycle_id);
  -- NOT FOUND: the cycle itself is being deleted, which its own guard allows only for drafts.
  IF FOUND AND cycle_state_now <> 'draft' THEN
    RAISE EXCEPTION 'the snapshot of an opened cycle cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
--> statement-breakpoint
CREATE TRIGGER cycle_assignments_frozen BEFORE INSERT OR UPDATE OR DELETE ON cycle_assignments
  FOR EACH ROW EXECUTE FUNCTION cycle_assignments_frozen();
--> statement-breakpoint

-- The thresholds live in exactly one row, created here with the defaults of PRODUCT.md.
INSERT INTO settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
