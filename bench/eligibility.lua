-- wrk script for bench/run.sh, "eligibility checker (distinct answers)": every request is GET /eligibility with a
-- different person's answers, so no response cache keyed by the URL (or by the answers) can serve it.
--
--   wrk -t2 -c16 -d10s --latency -s bench/eligibility.lua http://127.0.0.1:8080 -- threads=2 [seed=42] \
--       [sql=src/main/resources/db/migration/V3__municipalities.sql] [dump=FILE:COUNT]
--
-- threads: the -t of the same command (wrk does not tell a script); each thread then sends only paths whose hash
--   modulo threads is its number, so two threads never send the same path. Each thread also remembers what it sent
--   and draws again on a repeat: no path is sent twice in a run.
-- seed (42): thread t draws from math.randomseed(seed * 1000 + t); runs with different seeds share no stream.
-- sql: the real 全国地方公共団体コード are read from this file (the default is relative to the working directory).
-- dump=FILE:COUNT: the first thread also writes COUNT distinct paths (one a line, drawn from seed * 1000 before its
--   own requests) to FILE, for bench/run.sh's page-size sample with curl.
--
-- Answers (same value domains as the form): age 0-130 consistent with the school; hometown, residence and familyHome
-- as real municipality codes (6 digits) or prefecture codes (2 digits), residence sometimes 13 or abroad; school with
-- a valid grade (1..the school's number of grades); applicant self, guardian or group (groupSize 1..10000 mostly
-- small, groupYoung 0..groupSize); plus, sometimes, verdict (not-eligible, check, eligible), page 1-5, category,
-- pref (2 digits) or region.
--
-- At the end it prints one line (bench/run.sh reads it):
--   eligibility.lua: responses R non2xx E bytes-mean M bytes-max X redraws D
-- non2xx: answers with a status outside 200-299 (wrk's own "Non-2xx or 3xx" line does not count 3xx); bytes: body
-- sizes as received (no Accept-Encoding, so uncompressed); redraws: paths drawn again (a repeat or another thread's).

local SCHOOLS = { "junior-high", "high", "kosen", "junior-college", "university", "graduate", "vocational",
  "professional-university", "prep", "none" }
local SCHOOL_WEIGHTS = { 8, 20, 3, 3, 35, 8, 12, 3, 4, 4 }
local GRADES = { ["junior-high"] = 3, high = 3, kosen = 5, ["junior-college"] = 3, university = 6, graduate = 5,
  vocational = 4, ["professional-university"] = 4, prep = 3, none = 0 }
local FIRST_AGE = { ["junior-high"] = 12, high = 15, kosen = 15, ["junior-college"] = 18, university = 18, graduate = 22,
  vocational = 18, ["professional-university"] = 18, prep = 18, none = 18 }
local CATEGORIES = { "sns", "gifts", "co-creation", "alumni-exchange", "other" }
local REGIONS = { "hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu-okinawa" }

local function chance(percent) return math.random(100) <= percent end
local function pick(list) return list[math.random(#list)] end

local function weighted(values, weights)
  local total = 0
  for _, w in ipairs(weights) do total = total + w end
  local r = math.random(total)
  for i, w in ipairs(weights) do
    r = r - w
    if r <= 0 then return values[i] end
  end
  return values[#values]
end

local municipalities = {}

local function load_municipalities(path)
  local f = io.open(path, "r")
  if not f then error("eligibility.lua: cannot read " .. path .. " (pass the path of V3__municipalities.sql after --)") end
  for line in f:lines() do
    local code = line:match("VALUES %('(%d%d%d%d%d%d)'")
    if code then municipalities[#municipalities + 1] = code end
  end
  f:close()
  if #municipalities < 100 then error("eligibility.lua: only " .. #municipalities .. " municipality codes in " .. path) end
end

local function municipality() return pick(municipalities) end
local function prefecture() return string.format("%02d", math.random(47)) end

local function residence()
  local r = math.random(100)
  if r <= 50 then return municipality() elseif r <= 90 then return prefecture() elseif r <= 95 then return "13" end
  return "abroad"
end

local function family(hometown)
  if hometown and chance(70) then return hometown end
  return municipality()
end

-- One person's answers and the page's options, as a path with its query.
local function next_path()
  local p = {}
  local function put(name, value) if value then p[#p + 1] = name .. "=" .. value end end
  local hometown
  if chance(80) then hometown = municipality() elseif chance(50) then hometown = prefecture() end
  local kind = math.random(100)
  if kind <= 60 then                                  -- a student, or a guardian asking for one
    local school = weighted(SCHOOLS, SCHOOL_WEIGHTS)
    local grades = GRADES[school]
    local grade = grades > 0 and math.random(grades) or nil
    local age = FIRST_AGE[school] + (grade and grade - 1 or math.random(0, 7)) + (chance(20) and 1 or 0)
    if chance(90) then put("age", age) end
    put("hometown", hometown)
    put("residence", residence())
    put("school", school)
    if grade and chance(90) then put("grade", grade) end
    if chance(50) then put("familyHome", family(hometown)) end
    put("applicant", (age < 18 and chance(40)) and "guardian" or "self")
  elseif kind <= 85 then                              -- an adult out of school
    put("age", math.random(19, 80))
    put("hometown", hometown)
    put("residence", residence())
    if chance(50) then put("school", "none") end
    if chance(40) then put("familyHome", family(hometown)) end
    put("applicant", chance(80) and "self" or "guardian")
  elseif kind <= 95 then                              -- a group: mostly small, up to 10,000
    local size = math.min(10000, math.max(1, math.floor(math.exp(math.random() * math.log(10000)) + 0.5)))
    put("hometown", hometown)
    if chance(60) then put("residence", residence()) end
    put("applicant", "group")
    put("groupSize", size)
    if chance(80) then put("groupYoung", math.random(0, size)) end
  else                                                -- one or two answers only
    if chance(50) then put("age", math.random(0, 130)) end
    put("hometown", hometown or municipality())
    if chance(30) then put("residence", residence()) end
  end
  local v = math.random(100)
  if v <= 15 then put("verdict", "not-eligible") elseif v <= 25 then put("verdict", "check")
  elseif v <= 30 then put("verdict", "eligible") end
  if chance(20) then put("category", pick(CATEGORIES)) end
  if chance(10) then put("pref", prefecture()) elseif chance(5) then put("region", pick(REGIONS)) end
  if chance(30) then put("page", math.random(5)) end
  return "/eligibility?" .. table.concat(p, "&")
end

-- djb2, kept below 2^31 (LuaJIT numbers are doubles)
local function hash(s)
  local h = 5381
  for i = 1, #s do h = (h * 33 + s:byte(i)) % 2147483647 end
  return h
end

-- main state: hand each thread its number; keep the threads for done()
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

local sent = {}
local mine, count = 0, 1
responses, non2xx, bytes, maxbytes, redraws = 0, 0, 0, 0, 0

function init(args)
  local opt = {}
  for i = 1, #args do
    local k, v = args[i]:match("^(%w+)=(.*)$")
    if not k then error("eligibility.lua: arguments are key=value (threads=, seed=, sql=, dump=), not " .. args[i]) end
    opt[k] = v
  end
  load_municipalities(opt.sql or "src/main/resources/db/migration/V3__municipalities.sql")
  local seed = tonumber(opt.seed or "42")
  mine = (tonumber(id) or 1) - 1
  count = tonumber(opt.threads or "1")
  if opt.dump and mine == 0 then
    local file, n = opt.dump:match("^(.+):(%d+)$")
    math.randomseed(seed * 1000)
    local out, seen, written = assert(io.open(file, "w")), {}, 0
    while written < tonumber(n) do
      local path = next_path()
      if not seen[path] then seen[path] = true; out:write(path, "\n"); written = written + 1 end
    end
    out:close()
  end
  math.randomseed(seed * 1000 + 1 + mine)
end

function request()
  local path
  repeat
    path = next_path()
    local ok = not sent[path] and (count == 1 or hash(path) % count == mine)
    if not ok then redraws = redraws + 1 end
  until ok
  sent[path] = true
  return wrk.format("GET", path)
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  local n = body and #body or 0
  bytes = bytes + n
  if n > maxbytes then maxbytes = n end
end

function done(summary, latency, requests)
  local r, e, b, m, d = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    r = r + (t:get("responses") or 0)
    e = e + (t:get("non2xx") or 0)
    b = b + (t:get("bytes") or 0)
    m = math.max(m, t:get("maxbytes") or 0)
    d = d + (t:get("redraws") or 0)
  end
  io.write(string.format("eligibility.lua: responses %d non2xx %d bytes-mean %.0f bytes-max %d redraws %d\n",
    r, e, r > 0 and b / r or 0, m, d))
end
