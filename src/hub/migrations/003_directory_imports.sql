-- "Upload my local contacts to the team" is one request applied in one transaction
-- (POST /api/directory/import). The desk names each upload with a key; a repeated key (the answer
-- was lost, the desk asks again) gets the first answer back instead of a second copy of the rows.
CREATE TABLE directory_imports (
  key        text PRIMARY KEY,
  username   text NOT NULL,
  result     jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_imports_created_at ON directory_imports (created_at);
