-- wrk script: POST pre-rendered request bodies in file order (a stream, bench/stream.py), count GraphQL errors, dump results.
--
-- BENCH_BODIES  file with one JSON request body per line (rendered by bench/mix.py)
-- BENCH_OUT     where done() writes the JSON summary (requests, errors, latency quantiles)
-- BENCH_AUTH    optional Authorization header value, sent with the writes (bodies with __UNIQ__)
--               only: reads stay anonymous, as most of the hub's traffic is
-- BENCH_RUN     token unique to this run, prefix of every __UNIQ__ replacement
-- BENCH_START   optional 0-based line to start at (a stream's slice offset: the same for every
--               target in one slice, so all walk the same requests)
-- BENCH_PARTICIPANTS  optional file of expert ids (one a line, in the target's form: global IDs
--               for the hub, slugs for the peer and the floor) for "__PARTICIPANTS__"
-- BENCH_SEED    seed of the participants' draws (the same for every target in one slice)
-- A body may contain __UNIQ__, replaced per request by a run-wide unique token, so writes never
-- collide on ids, and "__PARTICIPANTS__" (quotes included), replaced per request by a JSON list
-- of 5 distinct experts drawn from BENCH_PARTICIPANTS: the k-th write of a run gets the k-th
-- draw whichever connection sends it, so every target of a slice links the same experts.

local threads = {}
local bodies = {}
local next_body = 1
local counter = 0
local gql_errors = 0
local thread_tag = "t"
local experts = {}
local write_headers = nil
local PARTICIPANTS = 5

function setup(thread)
  thread:set("tag", tostring(#threads + 1))
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    if #line > 0 then table.insert(bodies, line) end
  end
  next_body = (tonumber(os.getenv("BENCH_START") or "0") or 0) % #bodies + 1
  thread_tag = (os.getenv("BENCH_RUN") or "run") .. "t" .. tag
  local pfile = os.getenv("BENCH_PARTICIPANTS")
  if pfile and #pfile > 0 then
    for line in io.lines(pfile) do
      if #line > 0 then table.insert(experts, line) end
    end
  end
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "1") or 1)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  local auth = os.getenv("BENCH_AUTH")
  if auth and #auth > 0 then
    write_headers = {}
    for key, value in pairs(wrk.headers) do write_headers[key] = value end
    write_headers["Authorization"] = auth
  end
end

local function draw_participants()
  local picked, seen = {}, {}
  while #picked < PARTICIPANTS do
    local i = math.random(#experts)
    if not seen[i] then
      seen[i] = true
      table.insert(picked, '"' .. experts[i] .. '"')
    end
  end
  return "[" .. table.concat(picked, ",") .. "]"
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  local headers = nil
  if body:find("__UNIQ__", 1, true) then
    counter = counter + 1
    body = body:gsub("__UNIQ__", thread_tag .. "n" .. tostring(counter))
    headers = write_headers
  end
  local first, last = body:find('"__PARTICIPANTS__"', 1, true)
  if first then
    body = body:sub(1, first - 1) .. draw_participants() .. body:sub(last + 1)
  end
  return wrk.format(nil, nil, headers, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"errors"', 1, true) then
    gql_errors = gql_errors + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + (thread:get("gql_errors") or 0) end
  local quantiles = {}
  for i = 1, 399 do
    table.insert(quantiles, string.format("%d", latency:percentile(i / 4)))
  end
  table.insert(quantiles, string.format("%d", latency.max))
  local e = summary.errors
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  out:write(string.format(
    '{"requests": %d, "duration_us": %d, "graphql_errors": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "quantiles_us": [%s]}\n',
    summary.requests, summary.duration, errors, e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(quantiles, ", ")))
  out:close()
end
