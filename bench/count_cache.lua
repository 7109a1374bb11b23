-- wrk: count the answers by X-Page-Cache (miss: rendered; stale: the
-- previous copy during a render; hit/near: from the cache).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = { miss = 0, stale = 0, hit = 0, near = 0, other = 0 }
end

function response(status, headers, body)
  local how = headers["X-Page-Cache"] or "other"
  counts[how] = (counts[how] or 0) + 1
end

function done(summary, latency, requests)
  local total = { miss = 0, stale = 0, hit = 0, near = 0, other = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  io.write(string.format("renders (miss) %d, stale %d, hit %d, near %d, other %d\n",
    total.miss, total.stale, total.hit, total.near, total.other))
end
