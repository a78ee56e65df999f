-- wrk script for bench/run.sh, "search (distinct queries)": every request is a different /programs search
-- (20 words x 6 filters x 2 sorts x 2 pages = 480 URLs, each with a unique nocache parameter), so a response cache keyed by the full URL cannot answer
-- them from memory the way it can the three fixed search URLs. Works with wrk --latency.

local words = {
  "地域", "LINE", "若者", "学生", "大学生", "特産品", "エール便", "ふるさと", "仕送り", "クーポン",
  "就職", "移住", "出身者", "公式アカウント", "県人会", "もりおか", "応援", "イベント", "LINE 若者", "ふるさと 大学生",
}
local filters = {
  "", "&category=gifts", "&category=sns", "&region=tohoku", "&region=kanto", "&category=gifts&region=kinki",
}
local sorts = { "relevance", "kana" }
local pages = { "1", "2" }

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for _, page in ipairs(pages) do
  for _, sort in ipairs(sorts) do
    for _, filter in ipairs(filters) do
      for _, word in ipairs(words) do
        paths[#paths + 1] = "/programs?q=" .. encode(word) .. filter .. "&sort=" .. sort .. "&page=" .. page
      end
    end
  end
end

-- Each wrk thread has its own Lua state; give them different starting points.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 97)
end

local i = 0
function init(args)
  i = tonumber(offset) or 0
end

function request()
  i = i + 1
  -- A parameter the page ignores makes every URL new: no request is answered from the page cache.
  return wrk.format("GET", paths[(i % #paths) + 1] .. "&nocache=" .. offset .. "-" .. i)
end
