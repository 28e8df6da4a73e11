-- Drives Neovim (headless) as an editor would: the documented setup (editors/neovim/replylint.lua)
-- attaches the phrasebook file, Neovim waits for diagnostics, makes a one-character edit, waits
-- for the new diagnostics, applies the preferred code action and writes the file. What it saw is
-- written as JSON for the test to check. Paths come from the environment.

local result = {}
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('RESULT'))
  vim.cmd('qall!')
end
local function fail(msg)
  result.error = msg
  finish()
end

local ok, err = pcall(function()
  vim.cmd('filetype on')
  local replylint = dofile(os.getenv('SETUP'))
  replylint.setup({ cmd = { os.getenv('NODE'), os.getenv('BIN'), 'lsp', '--stdio' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('TARGET')))
  local buf = vim.api.nvim_get_current_buf()

  local function snapshot()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(out, { code = d.code or lsp.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message })
    end
    table.sort(out, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    return out
  end

  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) >= 3 end, 10) then
    return fail('no diagnostics after opening; clients: ' .. #vim.lsp.get_active_clients())
  end
  result.opened = snapshot()

  -- One character typed after 宝子 (byte columns, as Neovim counts).
  local line = vim.api.nvim_buf_get_lines(buf, 12, 13, true)[1]
  local col = line:find('宝子', 1, true) + #'宝子' - 1
  local before_slot
  for _, d in ipairs(result.opened) do
    if d.code == 'malformed-slot' then before_slot = d.col end
  end
  local t0 = vim.loop.hrtime()
  vim.api.nvim_buf_set_text(buf, 12, col, 12, col, { '呀' })
  local moved = vim.wait(5000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if (d.code or lsp.code) == 'malformed-slot' and d.col == before_slot + #'呀' then return true end
    end
    return false
  end, 1)
  result.edit_ms = (vim.loop.hrtime() - t0) / 1e6
  if not moved then return fail('diagnostics did not follow the edit') end
  result.edited = snapshot()

  -- The preferred code action on the 禁语, applied and written.
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (d.code or lsp.code) == 'banned-phrase/team-baozi' then target = d end
  end
  local params = vim.lsp.util.make_given_range_params({ target.lnum + 1, target.col }, { target.end_lnum + 1, target.end_col }, buf, 'utf-16')
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
  local chosen
  result.actions = {}
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      table.insert(result.actions, a.title)
      if a.isPreferred then chosen = a end
    end
  end
  if not chosen then return fail('no preferred code action') end
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  vim.cmd('write')

  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  finish()
end)
if not ok then fail(tostring(err)) end
