;; The matmul micro-kernel in WebAssembly SIMD (f64x2: two float64 lanes per instruction).
;;
;; Same job, same arithmetic as the TypeScript micro-kernel in ../matmul-micro.ts: for every 4x4
;; tile of an mc x nc block,
;;
;;   sums[i, j] = sum over p of packedA[panel i/4][p][i mod 4] * packedB[panel j/4][p][j mod 4]
;;
;; with each sum starting at 0 and taking its products in the order p = 0, 1, ..., kc-1, one
;; multiply then one add (WebAssembly has no fused multiply-add), so every lane gets the bits the
;; TypeScript kernel gets. The caller (../matmul-wasm.ts) packs the panels into this module's
;; memory and adds `sums` into the output afterwards.
;;
;; Memory layout, all float64, byte offsets passed in: packed A (ceil(mc/4) panels of kc x 4),
;; packed B (ceil(nc/4) panels of kc x 4), sums (rows of ldc bytes). The last tile of a ragged
;; block runs over the panels' zero padding; sums must have room for ceil(mc/4)*4 rows and
;; ceil(nc/4)*4 columns. Compiled to ./gemm-binary.ts by `npm run wasm` (tools/compile-wasm.cjs);
;; keep this file ASCII: wabt's parser rejects other characters, even in comments.
(module
  (memory (export "memory") 1)

  (func (export "macro")
        (param $a i32) (param $b i32) (param $c i32)
        (param $mc i32) (param $nc i32) (param $kc i32) (param $ldc i32)
    (local $jr i32) (local $ir i32) (local $p i32) (local $ap i32) (local $bp i32)
    (local $cp i32) (local $panelBytes i32)
    ;; the 16 running sums of a 4x4 tile, two per register: row r holds columns 0-1 and 2-3
    (local $c00 v128) (local $c02 v128) (local $c10 v128) (local $c12 v128)
    (local $c20 v128) (local $c22 v128) (local $c30 v128) (local $c32 v128)
    (local $b0 v128) (local $b2 v128) (local $ai v128)
    (local.set $panelBytes (i32.shl (local.get $kc) (i32.const 5))) ;; kc x 4 x 8 bytes
    ;; jr over the panels of B (one stays in L1), ir over the panels of A (the block stays in L2)
    (local.set $jr (i32.const 0))
    (block $jDone (loop $jLoop
      (br_if $jDone (i32.ge_u (local.get $jr) (local.get $nc)))
      (local.set $ir (i32.const 0))
      (block $iDone (loop $iLoop
        (br_if $iDone (i32.ge_u (local.get $ir) (local.get $mc)))
        (local.set $ap (i32.add (local.get $a)
          (i32.mul (i32.shr_u (local.get $ir) (i32.const 2)) (local.get $panelBytes))))
        (local.set $bp (i32.add (local.get $b)
          (i32.mul (i32.shr_u (local.get $jr) (i32.const 2)) (local.get $panelBytes))))
        (local.set $c00 (v128.const f64x2 0 0)) (local.set $c02 (v128.const f64x2 0 0))
        (local.set $c10 (v128.const f64x2 0 0)) (local.set $c12 (v128.const f64x2 0 0))
        (local.set $c20 (v128.const f64x2 0 0)) (local.set $c22 (v128.const f64x2 0 0))
        (local.set $c30 (v128.const f64x2 0 0)) (local.set $c32 (v128.const f64x2 0 0))
        ;; one step of p: row p of B's panel (4 values, 2 registers) times each of the 4 values
        ;; of column p of A's panel (each broadcast to both lanes): 8 multiplies, 8 adds
        (local.set $p (local.get $kc))
        (block $pDone (loop $pLoop
          (br_if $pDone (i32.eqz (local.get $p)))
          (local.set $b0 (v128.load (local.get $bp)))
          (local.set $b2 (v128.load offset=16 (local.get $bp)))
          (local.set $ai (v128.load64_splat (local.get $ap)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $ai) (local.get $b0))))
          (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $ai) (local.get $b2))))
          (local.set $ai (v128.load64_splat offset=8 (local.get $ap)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $ai) (local.get $b0))))
          (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $ai) (local.get $b2))))
          (local.set $ai (v128.load64_splat offset=16 (local.get $ap)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $ai) (local.get $b0))))
          (local.set $c22 (f64x2.add (local.get $c22) (f64x2.mul (local.get $ai) (local.get $b2))))
          (local.set $ai (v128.load64_splat offset=24 (local.get $ap)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $ai) (local.get $b0))))
          (local.set $c32 (f64x2.add (local.get $c32) (f64x2.mul (local.get $ai) (local.get $b2))))
          (local.set $ap (i32.add (local.get $ap) (i32.const 32)))
          (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
          (local.set $p (i32.sub (local.get $p) (i32.const 1)))
          (br $pLoop)))
        ;; store the tile at sums[ir .. ir+3, jr .. jr+3]
        (local.set $cp (i32.add (local.get $c)
          (i32.add (i32.mul (local.get $ir) (local.get $ldc)) (i32.shl (local.get $jr) (i32.const 3)))))
        (v128.store (local.get $cp) (local.get $c00))
        (v128.store offset=16 (local.get $cp) (local.get $c02))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store (local.get $cp) (local.get $c10))
        (v128.store offset=16 (local.get $cp) (local.get $c12))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store (local.get $cp) (local.get $c20))
        (v128.store offset=16 (local.get $cp) (local.get $c22))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store (local.get $cp) (local.get $c30))
        (v128.store offset=16 (local.get $cp) (local.get $c32))
        (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
        (br $iLoop)))
      (local.set $jr (i32.add (local.get $jr) (i32.const 4)))
      (br $jLoop)))))
