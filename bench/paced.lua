-- wrk script for bench/alerts.sh: each connection waits `pace` ms between its requests (wrk script argument, default
-- 20), so the probe is a steady, moderate load (at most connections x 1000 / (pace + latency) requests per second)
-- that measures the latency a visitor sees, instead of as many requests as the two cores can answer.
local pace = 20

function init(args)
  if args[1] then pace = tonumber(args[1]) end
end

function delay()
  return pace
end
