module jianzheng.example/decide

go 1.19
